import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@heartline/core';

/**
 * A null-modem cable made of a socat pty pair in a temp dir of our own:
 * `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`. `unplug()` kills that socat (by its
 * pid only); `plug()` starts a new one on the same link paths, as re-seating a cable would.
 * For plugin tests and Heartline's own: exported from `@heartline/transport-serial/testing`.
 */
export class SocatCable {
  readonly dir: string;
  readonly a: string;
  readonly b: string;
  private process: ChildProcess | undefined;
  private readonly logPath: string;

  private readonly clock = new SystemClock();

  /**
   * With `record`, socat also writes each direction's bytes to `aToB.bin` / `bToA.bin` in `dir` (-r/-R).
   * `parentDir` is where the cable's dir is made: a test whose ends run in containers puts it where
   * they still see the host's files (a lab dir under /tmp), so its leftovers go with the lab's.
   */
  constructor(
    prefix = 'heartline-serial-',
    private readonly record = false,
    parentDir = tmpdir(),
  ) {
    this.dir = mkdtempSync(join(parentDir, prefix));
    this.a = join(this.dir, 'ttyA');
    this.b = join(this.dir, 'ttyB');
    this.logPath = join(this.dir, 'socat.log');
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async plug(): Promise<void> {
    if (this.process !== undefined) throw new Error('cable already plugged');
    const recording = this.record ? ['-r', join(this.dir, 'aToB.bin'), '-R', join(this.dir, 'bToA.bin')] : [];
    const args = ['-d', '-d', ...recording, `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`];
    const log = openSync(this.logPath, 'a');
    this.process = spawn('socat', args, { stdio: ['ignore', 'ignore', log] });
    const started = this.clock.now();
    // socat logs "starting data transfer loop" once both ptys exist and the links point at them.
    while (!readFileSync(this.logPath, 'utf8').split('\n').some((l) => l.includes('starting data transfer loop') && l.includes(`[${this.process?.pid}]`))) {
      if (this.process.exitCode !== null) throw new Error(`socat exited: ${readFileSync(this.logPath, 'utf8')}`);
      if (this.clock.now() - started > 5000) throw new Error(`socat did not start: ${readFileSync(this.logPath, 'utf8')}`);
      await this.clock.sleep(20);
    }
    if (!existsSync(this.a) || !existsSync(this.b)) throw new Error('socat started without its links');
  }

  /** Pulls the cable: SIGKILL, so socat leaves its links dangling like a vanished device. */
  async unplug(): Promise<void> {
    const child = this.process;
    if (child === undefined) return;
    this.process = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }

  async dispose(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
