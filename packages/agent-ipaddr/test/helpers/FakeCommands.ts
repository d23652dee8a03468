import type { CommandOutcome, CommandRequest, CommandRunner } from '@heartline/core';

/** What a fake command does: exits at once with this outcome, or runs until killed (`undefined`). */
export type FakeBehaviour = Partial<CommandOutcome> | undefined;

/**
 * A CommandRunner that starts nothing: each request is recorded, gets a fake pid (reported through
 * onSpawn, as the real runner does) and ends as its file's behaviour says; a running one ends when
 * its signal aborts, as if its process group had been killed.
 */
export class FakeCommands implements CommandRunner {
  readonly requests: CommandRequest[] = [];
  readonly killed: string[] = [];
  /** pid → file, for the environment's processState. */
  readonly pids = new Map<number, string>();
  private nextPid = 1000;

  constructor(private readonly behaviours: Record<string, FakeBehaviour> = {}) {}

  behave(file: string, behaviour: FakeBehaviour): void {
    this.behaviours[file] = behaviour;
  }

  run(request: CommandRequest): Promise<CommandOutcome> {
    this.requests.push(request);
    const pid = this.nextPid++;
    this.pids.set(pid, request.file);
    request.onSpawn?.(pid);
    const behaviour = this.behaviours[request.file];
    const base: CommandOutcome = { exitCode: 0, signal: undefined, stdout: '', stderr: '', timedOut: false, durationMs: 0 };
    if (behaviour !== undefined) {
      this.pids.delete(pid);
      return Promise.resolve({ ...base, ...behaviour });
    }
    return new Promise((resolve) => {
      request.signal?.addEventListener('abort', () => {
        this.pids.delete(pid);
        this.killed.push(request.file);
        resolve({ ...base, exitCode: undefined, signal: 'SIGTERM', timedOut: true });
      }, { once: true });
    });
  }

  /** The command lines run, `file arg arg`. */
  lines(): string[] {
    return this.requests.map((r) => [r.file, ...r.args].join(' '));
  }
}
