import type { HaError } from '@heartline/core';
import type { HeartlinePlugin } from '../../plugins/HeartlinePlugin.js';
import { servedBy } from '../../plugins/servedBy.js';

/** What `ha plugins` prints about the node's plugins (text form). */
export interface PluginListView {
  /** This `ha`'s version. */
  readonly cli: string;
  readonly core: string;
  readonly apiVersion: number;
  readonly plugins: readonly HeartlinePlugin[];
  readonly problems: readonly HaError[];
}

function errorLines(error: HaError, indent: string): string[] {
  return [`${indent}error ${error.code}: ${error.message}`, `${indent}    hint: ${error.hint}`];
}

function pluginLine(p: HeartlinePlugin): string[] {
  const head = `${p.name} ${p.version} (${p.origin})`;
  if (!p.heartline) return [`${head}: an oclif plugin, serves nothing to Heartline`];
  if (p.refused !== undefined) return [`${head}: refused, ${p.refused.code} (below)`];
  const served = [
    ...(p.agents.length > 0 ? [`agents ${p.agents.join(', ')}`] : []),
    ...(p.transports.length > 0 ? [`media ${p.transports.join(', ')}`] : []),
    ...(p.fencers.length > 0 ? [`fencers ${p.fencers.join(', ')}`] : []),
  ];
  return [`${head}: ${served.length > 0 ? served.join('; ') : 'serves nothing'}`];
}

function table(title: string, served: Map<string, string[]>, conflictCode: string): string[] {
  if (served.size === 0) return [];
  const width = Math.max(...[...served.keys()].map((k) => k.length));
  const lines = [...served].map(([name, packages]) => {
    const note =
      name === '*' ? ' (any other name: <config-dir>/resource.d, then the init directory)' : name === 'external/*' ? ' (any external/NAME: <plugin dir>/external/NAME)' : '';
    const conflict = packages.length > 1 ? `   error ${conflictCode}` : '';
    return `  ${name.padEnd(width)} → ${packages.join(' and ')}${note}${conflict}`;
  });
  return ['', title, ...lines];
}

/**
 * The plugins, one line each with what it serves (or why it is refused); then who serves each
 * haresources type and each ha.cf medium (`IPaddr → @heartline/agent-ipaddr`); then every problem
 * `ha start` would stop on, with its code and hint.
 */
export function formatPluginList(view: PluginListView): string {
  const plugins = [...view.plugins].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    `Heartline ${view.cli} (@heartline/core ${view.core}, plugin API ${view.apiVersion}):`,
    ...plugins.flatMap(pluginLine).map((l) => `  ${l}`),
    ...table('resource types (haresources):', servedBy(view.plugins, 'agents'), 'RESOURCE_AGENT_CONFLICT'),
    ...table('media (ha.cf):', servedBy(view.plugins, 'transports'), 'DAEMON_TRANSPORT_CONFLICT'),
    ...table('STONITH types (ha.cf stonith, stonith_host):', servedBy(view.plugins, 'fencers'), 'FENCE_FENCER_CONFLICT'),
  ];
  if (view.problems.length > 0) lines.push('', `${view.problems.length} problem(s) that ha start would stop on:`, ...view.problems.flatMap((e) => errorLines(e, '  ')));
  return lines.join('\n');
}
