import { spawn, type ChildProcess } from 'node:child_process';
import { SystemClock } from '@heartline/core';
import { onLines } from '@heartline/core/testing';
import type { ArpFrame } from './ArpFrame.js';

/**
 * tcpdump on an interface of a namespace (a veth end, a lab's bridge), ARP only, every frame kept
 * with its capture time. The timestamps are the kernel's wall clock, the same clock as
 * `performance.timeOrigin + performance.now()` in any process of the host.
 */
export class ArpWatch {
  readonly frames: ArpFrame[] = [];
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private readonly clock = new SystemClock();

  constructor(ns: string, iface: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, 'tcpdump', '--immediate-mode', '-l', '-n', '-e', '-tt', '-i', iface, 'arp'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onLines(this.child.stdout, (line) => {
      const match = /^(\d+\.\d+) ([0-9a-f:]{17}) > /.exec(line);
      if (match === null) return;
      this.frames.push({ atMs: Number(match[1]) * 1000, from: match[2] ?? '', text: line });
      for (const waiter of [...this.waiters]) waiter();
    });
    this.listening = new Promise((resolve, reject) => {
      let stderr = '';
      this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('listening on')) resolve();
      });
      this.child.once('exit', (code) => reject(new Error(`tcpdump exited ${code}: ${stderr}`)));
    });
  }

  /** Resolves once tcpdump listens (frames from then on are captured). */
  ready(): Promise<void> {
    return this.listening;
  }

  /** Index to pass as `from`: only frames captured after now. */
  mark(): number {
    return this.frames.length;
  }

  /**
   * Gratuitous ARPs for `ip`: requests `who-has IP tell IP` (arping -U's carry a broadcast target
   * MAC, which tcpdump shows in brackets) and replies `IP is-at`.
   */
  gratuitous(ip: string): { readonly requests: ArpFrame[]; readonly replies: ArpFrame[] } {
    const quoted = ip.replace(/\./g, '\\.');
    const request = new RegExp(`Request who-has ${quoted}( \\([0-9a-f:]{17}\\))? tell ${quoted},`);
    return {
      requests: this.frames.filter((f) => request.test(f.text)),
      replies: this.frames.filter((f) => f.text.includes(`Reply ${ip} is-at `)),
    };
  }

  /**
   * The first gratuitous ARP for `ip` from `mac` (a request `who-has IP tell IP` or a reply
   * `IP is-at`), among the frames from index `from` captured at or after `notBeforeMs`; waits up to
   * `timeoutMs` for it.
   */
  firstGratuitous(ip: string, mac: string, from: number, notBeforeMs: number, timeoutMs: number): Promise<ArpFrame> {
    const quoted = ip.replace(/\./g, '\\.');
    const garp = new RegExp(`Request who-has ${quoted}( \\([0-9a-f:]{17}\\))? tell ${quoted},|Reply ${quoted} is-at `);
    const find = (): ArpFrame | undefined => this.frames.slice(from).find((f) => f.from === mac && f.atMs >= notBeforeMs && garp.test(f.text));
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const frame = find();
        if (frame === undefined) return;
        this.waiters.delete(check);
        timer.cancel();
        resolve(frame);
      };
      const timer = this.clock.setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no gratuitous ARP for ${ip} from ${mac} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /**
   * The first duplicate-address probe for `ip` from `mac` (RFC 5227: `who-has IP tell 0.0.0.0`, as
   * `arping -D` sends it) among the frames from index `from` captured at or after `notBeforeMs`.
   */
  probe(ip: string, mac: string, from: number, notBeforeMs: number): ArpFrame | undefined {
    const probe = new RegExp(`Request who-has ${ip.replace(/\./g, '\\.')}( \\([0-9a-f:]{17}\\))? tell 0\\.0\\.0\\.0,`);
    return this.frames.slice(from).find((f) => f.from === mac && f.atMs >= notBeforeMs && probe.test(f.text));
  }

  /** Stops tcpdump (the process this watch started, by its PID). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
