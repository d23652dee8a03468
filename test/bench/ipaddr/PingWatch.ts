import { spawn, type ChildProcess } from 'node:child_process';
import { onLines } from '@heartline/core/testing';

/**
 * A client pinging an address every 10 ms from its namespace (`ping -D`: each reply stamped with
 * the wall clock, epoch), for the outage a client sees: the longest silence between two replies.
 */
export class PingWatch {
  readonly repliesAtMs: number[] = [];
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(ns: string, address: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, 'ping', '-D', '-n', '-i', '0.01', address], { stdio: ['ignore', 'pipe', 'ignore'] });
    onLines(this.child.stdout, (line) => {
      const match = /^\[(\d+\.\d+)\] \d+ bytes from /.exec(line);
      if (match === null) return;
      this.repliesAtMs.push(Number(match[1]) * 1000);
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  /** Waits for a reply received after `afterMs` (epoch); false when none came within `timeoutMs`. */
  replyAfter(afterMs: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!this.repliesAtMs.some((t) => t > afterMs)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** The longest time between two consecutive replies (ms), or undefined with fewer than two. */
  longestGapMs(): number | undefined {
    let gap: number | undefined;
    for (let i = 1; i < this.repliesAtMs.length; i++) gap = Math.max(gap ?? 0, this.repliesAtMs[i]! - this.repliesAtMs[i - 1]!);
    return gap;
  }

  /** Stops ping (the process this watch started: `ip netns exec` execs it, so it is the child's PID). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGINT');
    await exited;
  }
}
