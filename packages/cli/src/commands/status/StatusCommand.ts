import { HaCommand } from '../HaCommand.js';
import type { StatusQuestion } from '../../status/StatusQuestion.js';

/**
 * An `ha status` question as an oclif command: the same StatusQuestion bin/ha.js's fast path asks,
 * so both print the same answer; oclif adds help and its messages for bad command lines.
 */
export abstract class StatusCommand extends HaCommand {
  protected async answer(question: StatusQuestion, runDir: string, args: readonly string[], flags: Readonly<Record<string, boolean>> = {}): Promise<void> {
    const answer = await question.ask(runDir, args, flags);
    process.stdout.write(answer.stdout);
    if (answer.exitCode !== 0) this.exit(answer.exitCode);
  }
}
