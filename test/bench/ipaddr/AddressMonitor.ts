import { spawn, type ChildProcess } from 'node:child_process';
import { onLines } from '@heartline/core/testing';

/** An address event that `ip monitor address` reported, with the time it was received (epoch ms). */
export interface AddressEvent {
  readonly atMs: number;
  readonly deleted: boolean;
  readonly text: string;
}

/**
 * `ip -ts -o -n NS monitor address`: the kernel's RTM_NEWADDR / RTM_DELADDR notifications of one
 * namespace as they arrive, stamped by `ip` (microseconds, UTC since it runs with TZ=UTC). Used to
 * time "address gone" without polling. It only listens on that namespace's netlink: no traffic.
 */
export class AddressMonitor {
  readonly events: AddressEvent[] = [];
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private stderr = '';

  constructor(ns: string) {
    this.child = spawn('ip', ['-ts', '-o', '-n', ns, 'monitor', 'address'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
    onLines(this.child.stdout, (line) => {
      const match = /^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{6})\] (Deleted )?/.exec(line);
      if (match === null) return;
      const atMs = Date.parse(`${match[1]}Z`) + Number(match[2]) / 1000;
      this.events.push({ atMs, deleted: match[3] !== undefined, text: line });
      for (const waiter of [...this.waiters]) waiter();
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  mark(): number {
    return this.events.length;
  }

  /** The first deletion of `ip` (`inet IP/…`) from index `from` on, stamped at or after `notBeforeMs`; waits up to `timeoutMs`. */
  removed(ip: string, from: number, notBeforeMs: number, timeoutMs: number): Promise<AddressEvent> {
    const needle = ` inet ${ip}/`;
    const find = (): AddressEvent | undefined => this.events.slice(from).find((e) => e.deleted && e.atMs >= notBeforeMs && e.text.includes(needle));
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const event = find();
        if (event === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(event);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`ip monitor saw no deletion of ${ip} within ${timeoutMs} ms ${this.stderr.trim()}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Stops `ip monitor` (the process this monitor started, by its PID). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
