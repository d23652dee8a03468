import { Flags } from '@oclif/core';
import { pluginApiVersion, type HaError } from '@heartline/core';
import { HaCommand } from '../HaCommand.js';
import { coreVersion } from '../../plugins/coreVersion.js';
import { heartlinePlugins } from '../../plugins/heartlinePlugins.js';
import type { HeartlinePlugin } from '../../plugins/HeartlinePlugin.js';
import { pluginProblems } from '../../plugins/pluginProblems.js';
import { servedBy } from '../../plugins/servedBy.js';
import { formatPluginList } from './formatPluginList.js';

const errorJson = (e: HaError) => ({ code: e.code, message: e.message, hint: e.hint });

/**
 * `ha plugins`: replaces @oclif/plugin-plugins' listing (the root plugin's command wins over a
 * bundled plugin's of the same id), which says "No plugins installed." on a node whose agents and
 * transports all ship with the CLI and says nothing of what each plugin serves.
 */
export class PluginsList extends HaCommand {
  static override summary = 'List the plugins of this node and the agent types and media each serves';
  static override description = [
    'Lists every plugin this `ha` loads, bundled with the CLI or added with `ha plugins install`/`link`, with',
    'its version and what it serves: haresources resource types (agents), ha.cf media (transports) and STONITH',
    'types (fencers).',
    'Then the resource types and media with the plugin serving each (`IPaddr → @heartline/agent-ipaddr`).',
    'A plugin this Heartline refuses (heartline.apiVersion or @heartline/core range that does not match) is',
    'shown with the error `ha start` would stop on, and so is a type or medium two plugins claim.',
    '',
    'Exits 0 when nothing is wrong, else with the exit code of the first problem (78).',
    '',
    '--json prints {cli, core, apiVersion, plugins: [{name, version, origin, heartline, agents, transports, fencers, refused}],',
    'agents: {TYPE: [PLUGIN...]}, transports: {KIND: [PLUGIN...]}, fencers: {TYPE: [PLUGIN...]}, problems: [{code, message, hint}]}; origin is',
    'bundled, installed, linked, dev or jit; refused is null or {code, message, hint}.',
  ].join('\n');
  static override examples = ['<%= config.bin %> plugins', '<%= config.bin %> plugins --json', '<%= config.bin %> plugins --core'];
  static override flags = {
    core: Flags.boolean({ description: "also list oclif's own bundled plugins (help, plugins)", default: false }),
    json: Flags.boolean({ description: 'print the result as JSON', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(PluginsList);
    const core = coreVersion();
    const all = heartlinePlugins(this.config, core);
    const shown = all.filter((p) => flags.core || p.heartline || p.origin !== 'bundled');
    const problems = pluginProblems(all);
    if (flags.json) {
      const served = (section: 'agents' | 'transports' | 'fencers') => Object.fromEntries(servedBy(all, section));
      const plugins = shown.map((p: HeartlinePlugin) => ({ ...p, refused: p.refused === undefined ? null : errorJson(p.refused) }));
      const view = { cli: this.config.version, core, apiVersion: pluginApiVersion, plugins, agents: served('agents'), transports: served('transports'), fencers: served('fencers'), problems: problems.map(errorJson) };
      this.log(JSON.stringify(view, null, 2));
    } else {
      this.log(formatPluginList({ cli: this.config.version, core, apiVersion: pluginApiVersion, plugins: shown, problems }));
    }
    const first = problems[0];
    if (first !== undefined) this.exit(first.exitCode);
  }
}
