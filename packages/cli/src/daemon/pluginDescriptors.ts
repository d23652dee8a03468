import type { Config } from '@oclif/core';
import type { PluginDescriptor } from '@heartline/core';
import { coreVersion } from '../plugins/coreVersion.js';
import { descriptorsOf } from '../plugins/descriptorsOf.js';
import type { PluginPackage } from '../plugins/PluginPackage.js';

/**
 * The installed oclif plugins that declare a `heartline` section, as plain descriptors for core
 * (which knows nothing of oclif). Nothing of the plugins is imported here. A plugin this Heartline
 * refuses (its manifest, plugin API version or @heartline/core range) stops the caller here, with
 * the first such plugin named.
 */
export function pluginDescriptors(config: Config): PluginDescriptor[] {
  const plugins = config.getPluginsList().map((p) => ({ name: p.name, version: p.version, root: p.root, pjson: p.pjson as PluginPackage['pjson'] }));
  return descriptorsOf(plugins, coreVersion());
}
