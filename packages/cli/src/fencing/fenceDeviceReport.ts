import {
  PluginFencerRegistry,
  fenceIssue,
  readFenceDevice,
  stonithLines,
  validateFencing,
  type CommandRunner,
  type ConfigDir,
  type ConfigIssue,
  type PluginDescriptor,
} from '@heartline/core';
import { stonithPluginDir } from './stonithPluginDir.js';

/** One stonith or stonith_host line as `ha config check` reports it: who would reset with it. */
export interface FenceDeviceReport {
  readonly file: string;
  readonly line: number;
  /** The line as ha.cf writes it, without its parameters: `stonith_host * external/ipmi`. */
  readonly source: string;
  readonly type: string;
  /** The fencer serving it (`external/*` for external/NAME); null when no plugin does. */
  readonly fencer: string | null;
  readonly plugins: readonly string[];
}

/**
 * Every `stonith` and `stonith_host` line of ha.cf, for whichever node it applies to: the fencer and
 * plugin that serve its type, and every problem (a type no plugin provides, parameters the device
 * cannot use, a missing external plugin script, a stonith file that cannot be read).
 */
export async function fenceDeviceReport(
  config: ConfigDir,
  plugins: readonly PluginDescriptor[],
  commands: CommandRunner,
): Promise<{ readonly issues: ConfigIssue[]; readonly devices: FenceDeviceReport[] }> {
  const fencers = new PluginFencerRegistry(plugins);
  const issues: ConfigIssue[] = [];
  const devices: FenceDeviceReport[] = [];
  for (const line of stonithLines(config.haCf)) {
    const read = await readFenceDevice(line, config.dir);
    issues.push(...read.issues);
    const resolved = fencers.resolve(line.type);
    const source = line.directive === 'stonith' ? `stonith ${line.type} ${line.configFile}` : `stonith_host ${line.host} ${line.type}`;
    devices.push({ file: line.where.file, line: line.where.line, source, type: line.type, fencer: resolved?.fencer ?? null, plugins: resolved?.packages ?? [] });
    if (read.device === undefined) continue;
    if ((resolved?.packages.length ?? 0) > 1) {
      issues.push(fenceIssue(read.device, 'FENCE_FENCER_CONFLICT', `STONITH type "${resolved?.fencer ?? line.type}" is provided by both ${resolved?.packages.join(' and ') ?? ''}`));
      continue;
    }
    issues.push(...(await validateFencing([read.device], fencers, { stonithPluginDir: stonithPluginDir(), commands, env: {} })));
  }
  return { issues, devices };
}
