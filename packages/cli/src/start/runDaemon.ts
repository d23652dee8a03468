import type { PluginDescriptor } from '@heartline/core';
import { Daemon } from '../daemon/Daemon.js';
import { skipJitCompilers } from './skipJitCompilers.js';
import type { StartFlags } from './StartFlags.js';

/**
 * `ha start` once its flags and the installed plugins are known, whichever path read them (the
 * Start command through oclif, or the lean path of bin/ha.js): runs the daemon until it stops,
 * with V8's interpreter only (see skipJitCompilers).
 */
export async function runDaemon(
  flags: StartFlags,
  plugins: readonly PluginDescriptor[],
  loadPlugins: () => Promise<readonly PluginDescriptor[]>,
  version: string,
): Promise<void> {
  skipJitCompilers();
  const daemon = new Daemon({
    ...flags,
    plugins,
    loadPlugins,
    version,
    stderr: (text) => process.stderr.write(text),
  });
  await daemon.start();
  await daemon.finished;
}
