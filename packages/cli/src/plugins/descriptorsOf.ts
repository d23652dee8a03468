import type { PluginDescriptor } from '@heartline/core';
import type { PluginPackage } from './PluginPackage.js';
import { pluginIncompatibility } from './pluginIncompatibility.js';

/**
 * The plugins that declare a `heartline` section, as plain descriptors for core (which knows
 * nothing of oclif). Nothing of the plugins is imported here. A plugin this Heartline refuses (its
 * manifest, plugin API version or @heartline/core range) throws, the first such plugin named.
 */
export function descriptorsOf(plugins: readonly PluginPackage[], runningCore: string): PluginDescriptor[] {
  const out: PluginDescriptor[] = [];
  for (const plugin of plugins) {
    const manifest = plugin.pjson.heartline;
    if (manifest === undefined) continue;
    const refused = pluginIncompatibility(plugin, runningCore);
    if (refused !== undefined) throw refused;
    out.push({ packageName: plugin.name, packageRoot: plugin.root, manifest });
  }
  return out;
}
