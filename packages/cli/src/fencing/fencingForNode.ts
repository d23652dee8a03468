import {
  HaError,
  PluginFencerRegistry,
  fenceDeviceFor,
  resourceScriptEnv,
  validateFencing,
  type CommandRunner,
  type ConfigDir,
  type FenceConfirmations,
  type FencingOptions,
  type PluginDescriptor,
} from '@heartline/core';
import { stonithPluginDir } from './stonithPluginDir.js';

/**
 * The STONITH device `ha start` runs with: the ha.cf line that applies to this node, its fencer
 * from the installed plugins, checked before the node joins (a type no plugin provides, parameters
 * the device cannot use: heartbeat too refuses to start then). Undefined when none is configured.
 */
export async function fencingForNode(
  config: ConfigDir,
  nodeName: string,
  plugins: readonly PluginDescriptor[],
  commands: CommandRunner,
  confirmations: FenceConfirmations,
): Promise<FencingOptions | undefined> {
  const { device, issues } = await fenceDeviceFor(config.haCf, nodeName, config.dir);
  const pluginDir = stonithPluginDir();
  const fencers = new PluginFencerRegistry(plugins);
  if (device !== undefined) {
    const env = resourceScriptEnv(config.haCf, nodeName, config.dir);
    issues.push(...(await validateFencing([device], fencers, { stonithPluginDir: pluginDir, commands, env })));
  }
  const first = issues.find((i) => i.severity === 'error');
  if (first !== undefined) {
    throw new HaError(first.code, issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; '), { hint: first.hint });
  }
  if (device === undefined) return undefined;
  return { device, fencers, confirmations, stonithPluginDir: pluginDir };
}
