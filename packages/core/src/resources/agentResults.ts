import type { AgentResult } from './AgentResult.js';

/**
 * The results an agent answers with, built without spelling the object out: `agentResults.running()`,
 * `agentResults.failed('exit 1: port in use', 1)`. Start and stop answer the state they reached,
 * status `running` or `stopped`; the others are the operational outcomes an agent reports instead
 * of throwing.
 */
export const agentResults = {
  running: (): AgentResult => ({ status: 'running' }),
  stopped: (): AgentResult => ({ status: 'stopped' }),
  /** It did not reach the state; `code` is the exit code of the command that said so, if any. */
  failed: (reason: string, code?: number): AgentResult => (code === undefined ? { status: 'failed', reason } : { status: 'failed', reason, code }),
  /** Its command was killed when the operation's `timeoutMs` passed. */
  timedOut: (afterMs: number): AgentResult => ({ status: 'timed-out', afterMs }),
  /** What it needs (a binary, a script) is missing on this node. */
  notInstalled: (reason: string): AgentResult => ({ status: 'not-installed', reason }),
  /** Its arguments or configuration cannot work (a file named that does not exist, a bad value). */
  notConfigured: (reason: string): AgentResult => ({ status: 'not-configured', reason }),
} as const;
