import type { AgentResult } from './AgentResult.js';
import type { CommandOutcome } from './CommandRunner.js';
import { lastOutputLine } from './lastOutputLine.js';
import { unfinishedResult } from './unfinishedResult.js';

/** A resource script's start or stop: exit 0 reached `reached`; anything else failed, with the script's last words. */
export function scriptResult(outcome: CommandOutcome, reached: 'running' | 'stopped', timeoutMs: number): AgentResult {
  const unfinished = unfinishedResult(outcome, timeoutMs);
  if (unfinished !== undefined) return unfinished;
  const code = outcome.exitCode ?? 0;
  if (code === 0) return { status: reached };
  return { status: 'failed', code, reason: lastOutputLine(outcome) ?? `exit code ${code}` };
}
