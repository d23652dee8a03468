import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { HaCf } from '../config/HaCf.js';
import type { FenceDevice } from './FenceDevice.js';
import { readFenceDevice } from './readFenceDevice.js';
import { stonithLines } from './stonithLines.js';

/**
 * The STONITH device node `nodeName` uses: of the `stonith` lines and the `stonith_host` lines for
 * it or `*`, the last one (heartbeat keeps one device, each line replacing the one before).
 * Undefined device and no issue: none is configured, dead peers are taken over without a reset.
 */
export async function fenceDeviceFor(
  haCf: Pick<HaCf, 'stonith' | 'stonithHost'>,
  nodeName: string,
  configDir: string,
): Promise<{ readonly device: FenceDevice | undefined; readonly issues: ConfigIssue[] }> {
  const line = stonithLines(haCf, nodeName).at(-1);
  if (line === undefined) return { device: undefined, issues: [] };
  return readFenceDevice(line, configDir);
}
