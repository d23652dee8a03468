import { HaError } from '@heartline/core/errors';
import { daemonDefaults } from '../daemon/daemonDefaults.js';
import { queryControl } from '../daemon/queryControl.js';

/**
 * Tells the daemon of `runDir` that `node` was reset by hand (meatware's `meatclient -c NODE`), on
 * admin.sock (root only). FENCE_NOT_WAITING when no reset of that node waits for it.
 */
export async function requestFenceConfirm(runDir: string, node: string): Promise<void> {
  const reply = (await queryControl(runDir, 'change', { query: 'fence-confirm', node }, daemonDefaults.queryTimeoutMs)) as {
    confirmed?: unknown;
    waiting?: unknown;
  } | null;
  if (reply?.confirmed === true) return;
  const waiting = Array.isArray(reply?.waiting) ? reply.waiting.map(String) : [];
  throw new HaError(
    'FENCE_NOT_WAITING',
    `no reset of ${node} waits for a confirmation${waiting.length === 0 ? ' (none waits)' : ` (waiting: ${waiting.join(', ')})`}`,
  );
}
