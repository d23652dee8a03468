import { HaError } from '@heartline/core';
import { daemonDefaults } from './daemonDefaults.js';
import { queryControl } from './queryControl.js';

export type StandbySet = 'all' | 'local' | 'foreign' | 'failback';

/**
 * Asks the daemon of `runDir` to go standby or to take over, on admin.sock (root only: a member of
 * haclient gets CONTROL_PERMISSION_DENIED); a refusal is STANDBY_REFUSED with the daemon's reason.
 */
export async function requestStandby(runDir: string, kind: 'standby' | 'takeover', resources: StandbySet): Promise<void> {
  const reply = (await queryControl(runDir, 'change', { query: kind, resources }, daemonDefaults.queryTimeoutMs)) as {
    accepted?: unknown;
    reason?: unknown;
  } | null;
  if (reply?.accepted === true) return;
  throw new HaError('STANDBY_REFUSED', `${kind} [${resources}] refused: ${String(reply?.reason ?? 'no reason given')}`);
}
