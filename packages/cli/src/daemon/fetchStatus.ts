import { HaError } from '@heartline/core/errors';
import { daemonDefaults } from './daemonDefaults.js';
import { queryControl } from './queryControl.js';
import type { StatusReply } from './StatusReply.js';

/** Asks the daemon of `runDir` for its status, on control.sock (root and group haclient). */
export async function fetchStatus(runDir: string): Promise<StatusReply> {
  const reply = await queryControl(runDir, 'read', { query: 'status' }, daemonDefaults.queryTimeoutMs);
  const status = reply as Partial<StatusReply> | null;
  if (status === null || typeof status !== 'object' || status.schema !== 1 || !Array.isArray(status.nodes)) {
    throw new HaError('STATUS_BAD_REPLY', `the daemon on ${runDir} answered an unexpected status (schema ${String(status?.schema)})`);
  }
  return status as StatusReply;
}
