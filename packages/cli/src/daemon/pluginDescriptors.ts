import type { Config } from '@oclif/core';
import type { PluginDescriptor } from '@heartline/core';

/**
 * The installed oclif plugins that declare a `heartline` section, as plain descriptors for core
 * (which knows nothing of oclif). Nothing of the plugins is imported here.
 */
export function pluginDescriptors(config: Config): PluginDescriptor[] {
  const out: PluginDescriptor[] = [];
  for (const plugin of config.getPluginsList()) {
    const manifest = (plugin.pjson as { heartline?: unknown }).heartline;
    if (manifest === undefined) continue;
    out.push({ packageName: plugin.name, packageRoot: plugin.root, manifest });
  }
  return out;
}
