import { isHaError } from '@heartline/core/errors';
import { haErrorText } from './haErrorText.js';
import { readStatusArgv } from './readStatusArgv.js';
import { statusQuestionLoaders } from './statusQuestionLoaders.js';

/**
 * `ha status …` without oclif, tsyringe or the plugins: what bin/ha.js runs first for `status`.
 * Returns false, having done nothing, when the command line is not one it reads exactly (then oclif
 * runs it); otherwise asks the daemon, prints what the oclif command would print, sets the exit code
 * and returns true.
 */
export async function runFastStatus(argv: readonly string[]): Promise<boolean> {
  const parsed = await readStatusArgv(argv, statusQuestionLoaders);
  if (parsed === undefined) return false;
  try {
    const answer = await parsed.question.ask(parsed.runDir, parsed.args, parsed.flags);
    process.stdout.write(answer.stdout);
    process.exitCode = answer.exitCode;
  } catch (error) {
    if (!isHaError(error)) throw error;
    process.stderr.write(haErrorText(error));
    process.exitCode = error.exitCode;
  }
  return true;
}
