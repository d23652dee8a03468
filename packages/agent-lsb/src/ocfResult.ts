import type { AgentResult, CommandOutcome } from '@heartline/core';
import { lastOutputLine, unfinishedResult } from '@heartline/core';
import { ocfExitCodes } from './ocfExitCodes.js';

/**
 * An OCF agent's exit code as a result, in one place. `monitor` (our status): 0 running,
 * 7 (OCF_NOT_RUNNING) stopped, anything else failed. `start`/`stop`: 0 reached the state; a stop
 * answering 7 is stopped too; 5 (OCF_ERR_INSTALLED) and 6 (OCF_ERR_CONFIGURED) say what is wrong.
 */
export function ocfResult(operation: 'start' | 'stop' | 'monitor', outcome: CommandOutcome, timeoutMs: number): AgentResult {
  const unfinished = unfinishedResult(outcome, timeoutMs);
  if (unfinished !== undefined) return unfinished;
  const code = outcome.exitCode ?? 0;
  const name = ocfExitCodes[code] ?? `exit code ${code}`;
  const words = lastOutputLine(outcome);
  const reason = words === undefined ? name : `${name}: ${words}`;
  switch (operation) {
    case 'monitor':
      if (code === 0) return { status: 'running' };
      if (code === 7) return { status: 'stopped' };
      return { status: 'failed', code, reason };
    case 'start':
    case 'stop':
      if (code === 0 || (operation === 'stop' && code === 7)) return { status: operation === 'start' ? 'running' : 'stopped' };
      if (code === 5) return { status: 'not-installed', reason };
      if (code === 6) return { status: 'not-configured', reason };
      return { status: 'failed', code, reason };
  }
}
