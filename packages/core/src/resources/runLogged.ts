import type { AgentContext } from './AgentContext.js';
import type { CommandOutcome } from './CommandRunner.js';
import type { LoggedCommand } from './LoggedCommand.js';

/**
 * Runs one command through the context's CommandRunner as ResourceManager's `doscript` does: the
 * `Running` line at info, the command's output a line at a time at debug (heartbeat appends it
 * to the debug log), and `Return code N from <path>` at error for an unexpected exit.
 */
export async function runLogged(command: LoggedCommand, context: AgentContext): Promise<CommandOutcome> {
  const { logger } = context;
  if (command.announce !== undefined) logger.info(command.announce);
  const outcome = await context.commands.run({
    file: command.file,
    args: command.args,
    env: command.env,
    timeoutMs: context.timeoutMs,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    for (const line of outcome[stream].split('\n')) {
      if (line.trim() !== '') logger.debug(line.trimEnd(), { stream });
    }
  }
  const isExpected = command.isExpected ?? ((code: number) => code === 0);
  if (outcome.spawnError !== undefined) {
    logger.error(`Cannot run ${command.file}: ${outcome.spawnError}`);
  } else if (outcome.timedOut) {
    logger.error(`${[command.file, ...command.args].join(' ')} timed out after ${context.timeoutMs} ms; its process group was killed`);
  } else if (outcome.exitCode === undefined) {
    logger.error(`${command.file} was killed by ${outcome.signal ?? 'a signal'}`);
  } else if (!isExpected(outcome.exitCode)) {
    logger.error(`Return code ${outcome.exitCode} from ${command.file}`);
  }
  return outcome;
}
