import type { AgentResult } from './AgentResult.js';
import type { CommandOutcome } from './CommandRunner.js';

/** The result of a command that gave no exit code (not started, timed out, killed), or undefined if it did. */
export function unfinishedResult(outcome: CommandOutcome, timeoutMs: number): AgentResult | undefined {
  if (outcome.spawnError !== undefined) return { status: 'failed', reason: `cannot run: ${outcome.spawnError}` };
  if (outcome.timedOut) return { status: 'timed-out', afterMs: timeoutMs };
  if (outcome.exitCode === undefined) return { status: 'failed', reason: `killed by ${outcome.signal ?? 'a signal'}` };
  return undefined;
}
