import type { Config } from '@oclif/core';
import type { PluginDescriptor } from '@heartline/core';
import { coreVersion } from '../plugins/coreVersion.js';
import type { PluginPackage } from '../plugins/PluginPackage.js';
import { pluginIncompatibility } from '../plugins/pluginIncompatibility.js';

/**
 * The installed oclif plugins that declare a `heartline` section, as plain descriptors for core
 * (which knows nothing of oclif). Nothing of the plugins is imported here. A plugin this Heartline
 * refuses (its manifest, plugin API version or @heartline/core range) stops the caller here, with
 * the first such plugin named.
 */
export function pluginDescriptors(config: Config): PluginDescriptor[] {
  const runningCore = coreVersion();
  const out: PluginDescriptor[] = [];
  for (const plugin of config.getPluginsList()) {
    const pjson = plugin.pjson as PluginPackage['pjson'];
    const manifest = pjson.heartline;
    if (manifest === undefined) continue;
    const refused = pluginIncompatibility({ name: plugin.name, version: plugin.version, root: plugin.root, pjson }, runningCore);
    if (refused !== undefined) throw refused;
    out.push({ packageName: plugin.name, packageRoot: plugin.root, manifest });
  }
  return out;
}
