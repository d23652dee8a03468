import type { CommandOutcome, CommandRequest, CommandRunner } from '../CommandRunner.js';

/**
 * Puts `NAME=value` into the environment of every command an agent runs, which the processes it
 * starts inherit (daemons that detach included): a conformance run finds what a stop left behind
 * by that mark (`processesMarked`). `value` changes between the phases of a run.
 */
export class MarkedCommandRunner implements CommandRunner {
  value = '';

  constructor(
    private readonly inner: CommandRunner,
    readonly name: string,
  ) {}

  run(request: CommandRequest): Promise<CommandOutcome> {
    return this.inner.run({ ...request, env: { ...request.env, [this.name]: this.value } });
  }
}
