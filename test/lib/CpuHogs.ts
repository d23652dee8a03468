import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Busy loops that keep CPUs saturated (a shell spinning on `:`, one process per loop, at the
 * default priority, as a runaway job would), for measuring a daemon's timing under load. Stopped by
 * the PIDs this object started.
 */
export class CpuHogs {
  private readonly children: ChildProcess[] = [];

  constructor(readonly count: number) {
    for (let i = 0; i < count; i++) this.children.push(spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  }

  /** PIDs of the loops still running. */
  get pids(): number[] {
    return this.children.filter((c) => c.exitCode === null && c.signalCode === null && c.pid !== undefined).map((c) => c.pid!);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
  }
}
