import { HaError } from '@heartline/core';
import type { HeartlinePlugin } from './HeartlinePlugin.js';
import { servedBy } from './servedBy.js';

/**
 * Everything that keeps `ha start` from running with these plugins, with the codes it stops with:
 * each refused plugin, then each agent type, media kind and STONITH type that two plugins claim.
 */
export function pluginProblems(plugins: readonly HeartlinePlugin[]): HaError[] {
  const problems = plugins.flatMap((p) => (p.refused === undefined ? [] : [p.refused]));
  for (const [type, packages] of servedBy(plugins, 'agents')) {
    if (packages.length > 1) {
      problems.push(new HaError('RESOURCE_AGENT_CONFLICT', `resource type "${type}" is provided by both ${packages.join(' and ')}`));
    }
  }
  for (const [kind, packages] of servedBy(plugins, 'transports')) {
    if (packages.length > 1) {
      problems.push(new HaError('DAEMON_TRANSPORT_CONFLICT', `"${kind}" media are provided by both ${packages.join(' and ')}`));
    }
  }
  for (const [type, packages] of servedBy(plugins, 'fencers')) {
    if (packages.length > 1) {
      problems.push(new HaError('FENCE_FENCER_CONFLICT', `STONITH type "${type}" is provided by both ${packages.join(' and ')}`));
    }
  }
  return problems;
}
