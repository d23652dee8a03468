// The two functions only: the whole of semver is 49 modules, which the daemon would keep loaded.
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { HaError, isHaError, validateManifest } from '@heartline/core';
import type { PluginPackage } from './PluginPackage.js';

/**
 * Why this Heartline refuses a plugin, or undefined when it does not: a malformed `heartline`
 * section, another plugin API version, or a range on @heartline/core (peerDependencies, else
 * dependencies) that leaves out the core this `ha` runs. A spec that is no semver range (a
 * `file:` or git link, a dist-tag) cannot be judged and passes. Nothing of the plugin is imported.
 */
export function pluginIncompatibility(plugin: PluginPackage, runningCore: string): HaError | undefined {
  try {
    validateManifest({ packageName: plugin.name, packageRoot: plugin.root, manifest: plugin.pjson.heartline });
  } catch (error) {
    if (isHaError(error)) return error;
    throw error;
  }
  const range = plugin.pjson.peerDependencies?.['@heartline/core'] ?? plugin.pjson.dependencies?.['@heartline/core'];
  if (range === undefined || validRange(range) === null) return undefined;
  if (satisfies(runningCore, range, { includePrerelease: true })) return undefined;
  return new HaError(
    'DAEMON_PLUGIN_CORE_VERSION',
    `plugin ${plugin.name} ${plugin.version} needs @heartline/core ${range}; this Heartline runs @heartline/core ${runningCore}`,
  );
}
