import type { AgentContext } from './AgentContext.js';
import type { AgentResult, ResourceOperation } from './AgentResult.js';
import { formatRunning } from './formatRunning.js';
import { runLogged } from './runLogged.js';
import { scriptResult } from './scriptResult.js';
import { scriptStatus } from './scriptStatus.js';
import { unfinishedResult } from './unfinishedResult.js';

/**
 * A heartbeat resource script run as ResourceManager runs it: `<script> [arg …] start|stop|status`,
 * `Running …` logged for start and stop, exit 0 reaching the state; for status only stdout counts
 * ("… is not running" with exit 0 is stopped, "running" with exit 3 runs).
 */
export async function runResourceScript(path: string, args: readonly string[], operation: ResourceOperation, context: AgentContext): Promise<AgentResult> {
  if (operation === 'status') {
    const outcome = await runLogged({ file: path, args: [...args, 'status'], env: context.env, isExpected: () => true }, context);
    return unfinishedResult(outcome, context.timeoutMs) ?? { status: scriptStatus(outcome.stdout) };
  }
  const outcome = await runLogged({ file: path, args: [...args, operation], env: context.env, announce: formatRunning(path, args, operation) }, context);
  return scriptResult(outcome, operation === 'start' ? 'running' : 'stopped', context.timeoutMs);
}
