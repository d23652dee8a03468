import type { Config } from '@oclif/core';
import { validateManifest } from '@heartline/core';
import type { HeartlinePlugin, PluginOrigin } from './HeartlinePlugin.js';
import type { PluginPackage } from './PluginPackage.js';
import { pluginIncompatibility } from './pluginIncompatibility.js';

const origins: Readonly<Record<string, PluginOrigin>> = { core: 'bundled', user: 'installed', link: 'linked', dev: 'dev', jit: 'jit' };

/**
 * Every plugin oclif loaded for this `ha` but the CLI itself, judged against the core it runs:
 * what each serves, or why it is refused. Read from package.json files only.
 */
export function heartlinePlugins(config: Config, runningCore: string): HeartlinePlugin[] {
  return config
    .getPluginsList()
    .filter((plugin) => !plugin.isRoot)
    .map((plugin) => {
      const pjson = plugin.pjson as PluginPackage['pjson'];
      const base = { name: plugin.name, version: plugin.version, origin: origins[plugin.type] ?? 'installed', root: plugin.root };
      if (pjson.heartline === undefined) return { ...base, heartline: false, agents: [], transports: [], fencers: [], refused: undefined };
      const refused = pluginIncompatibility({ name: plugin.name, version: plugin.version, root: plugin.root, pjson }, runningCore);
      if (refused !== undefined) return { ...base, heartline: true, agents: [], transports: [], fencers: [], refused };
      const manifest = validateManifest({ packageName: plugin.name, packageRoot: plugin.root, manifest: pjson.heartline });
      const served = { agents: Object.keys(manifest.agents), transports: Object.keys(manifest.transports), fencers: Object.keys(manifest.fencers) };
      return { ...base, heartline: true, ...served, refused };
    });
}
