import type { Config, Hook } from '@oclif/core';
import { coreVersion } from '../plugins/coreVersion.js';
import type { PluginPackage } from '../plugins/PluginPackage.js';
import { pluginIncompatibility } from '../plugins/pluginIncompatibility.js';

/**
 * `ha plugins install` refuses a plugin made for another Heartline: @oclif/plugin-plugins runs
 * `plugins:preinstall` before npm and `plugins:postinstall` (with no word of which plugin) after
 * it, so the first hook remembers what the node had and the second judges what is new, uninstalls
 * it again and fails with the code `ha start` would stop on. Both hooks run in one process, and
 * oclif imports this module once for both.
 */
const before = new Map<string, { readonly version: string; readonly root: string }>();

export const rememberPlugins: Hook<'plugins:preinstall'> = async function (options) {
  before.clear();
  for (const plugin of options.config.getPluginsList()) before.set(plugin.name, { version: plugin.version, root: plugin.root });
};

export const refuseIncompatiblePlugin = async function (this: Hook.Context, options: { config: Config }): Promise<void> {
  const runningCore = coreVersion();
  for (const plugin of options.config.getPluginsList()) {
    // The new plugin: unknown before npm ran, or another version or place (an upgrade, an override of a bundled one).
    // npm puts what `ha plugins install` adds under oclif's data directory, and only that can be uninstalled.
    if (!plugin.root.startsWith(options.config.dataDir)) continue;
    const old = before.get(plugin.name);
    if (old?.version === plugin.version && old.root === plugin.root) continue;
    const pjson = plugin.pjson as PluginPackage['pjson'];
    if (pjson.heartline === undefined) continue;
    const refused = pluginIncompatibility({ name: plugin.name, version: plugin.version, root: plugin.root, pjson }, runningCore);
    if (refused === undefined) continue;
    await options.config.runCommand('plugins:uninstall', [plugin.name]);
    // An upgrade of an installed plugin loses the old version too; a bundled one comes back by itself.
    const lost = old === undefined || !old.root.startsWith(options.config.dataDir)
      ? ''
      : `\n    The version installed before (${old.version}) went with it: ha plugins install ${plugin.name}@${old.version} brings it back.`;
    // Printed as every `ha` command prints a catalogued error (oclif's own error box would rewrap it).
    process.stderr.write(
      `error ${refused.code}: ${refused.message}; ha plugins install uninstalled it again.${lost}\n    hint: ${refused.hint}\n    see: ${refused.docsAnchor}\n`,
    );
    this.exit(refused.exitCode);
  }
};
