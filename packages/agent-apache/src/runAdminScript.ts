import type { AgentContext, AgentResult, ResourceOperation } from '@heartline/core';
import { scriptStatus } from './scriptStatus.js';

/**
 * An admin's resource script run as heartbeat's ResourceManager runs it: `<script> [arg …] op`,
 * `Running …` logged for start and stop, exit 0 reaching the state, status read from stdout.
 */
export async function runAdminScript(path: string, args: readonly string[], operation: ResourceOperation, context: AgentContext): Promise<AgentResult> {
  const { logger } = context;
  if (operation !== 'status') logger.info(`Running ${path} ${args.join(' ')} ${operation}`);
  const outcome = await context.commands.run({
    file: path,
    args: [...args, operation],
    env: context.env,
    timeoutMs: context.timeoutMs,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  for (const line of `${outcome.stdout}\n${outcome.stderr}`.split('\n')) if (line.trim() !== '') logger.debug(line.trimEnd());
  if (outcome.spawnError !== undefined) return { status: 'failed', reason: `cannot run ${path}: ${outcome.spawnError}` };
  if (outcome.timedOut) return { status: 'timed-out', afterMs: context.timeoutMs };
  if (operation === 'status') return { status: scriptStatus(outcome.stdout) };
  if (outcome.exitCode === 0) return { status: operation === 'start' ? 'running' : 'stopped' };
  logger.error(`Return code ${outcome.exitCode ?? outcome.signal ?? '?'} from ${path}`);
  const lastLine = (text: string): string | undefined => text.split('\n').map((l) => l.trim()).filter((l) => l !== '').pop();
  const last = lastLine(outcome.stderr) ?? lastLine(outcome.stdout);
  return { status: 'failed', ...(outcome.exitCode === undefined ? {} : { code: outcome.exitCode }), reason: last ?? `exit code ${outcome.exitCode ?? outcome.signal ?? '?'}` };
}
