import { Command } from '@oclif/core';
import { isHaError } from '@heartline/core';

/**
 * Every `ha` command: a catalogued error is printed as `error CODE: message` with its hint and docs
 * anchor on stderr and ends the command with its exit code; anything else goes to oclif as usual.
 */
export abstract class HaCommand extends Command {
  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (isHaError(error)) {
      this.logToStderr(`error ${error.code}: ${error.message}\n    hint: ${error.hint}\n    see: ${error.docsAnchor}`);
      this.exit(error.exitCode);
    }
    return super.catch(error);
  }
}
