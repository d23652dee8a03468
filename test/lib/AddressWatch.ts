import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LabNode } from './LabNode.js';

export interface AddressEvent {
  readonly kind: 'added' | 'deleted';
  /** `10.213.0.100/24` */
  readonly address: string;
  readonly device: string;
  /** When `ip monitor` got the kernel's notice (its µs timestamp), on this process's performance.now() clock. */
  readonly atMs: number;
}

/**
 * `ip -ts monitor address` in a lab node's network namespace: every IPv4/IPv6 address added to or
 * deleted from the node's interfaces, as the kernel announces it, timestamped to the µs by `ip`.
 * An address that is added and rolled back within a millisecond still shows up twice here, where
 * polling `ip addr` would miss it. The monitor runs in the namespace only (not in the node's
 * container), so it sees the node through power cuts and boots.
 */
export class AddressWatch {
  readonly events: AddressEvent[] = [];
  private readonly child: ChildProcess;

  constructor(readonly node: LabNode) {
    this.child = spawn('ip', ['-n', node.ns, '-ts', 'monitor', 'address'], { stdio: ['ignore', 'pipe', 'ignore'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const event = parseMonitorLine(line);
      if (event !== undefined) this.events.push(event);
    });
  }

  /** The events of `address` (without prefix, e.g. `10.213.0.100`) since `sinceMs`, in order. */
  of(address: string, sinceMs = 0): AddressEvent[] {
    return this.events.filter((e) => e.address.split('/')[0] === address && e.atMs >= sinceMs);
  }

  close(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** `[2026-12-07T16:13:09.640703] Deleted 3: hleth0    inet 10.213.0.100/24 … hleth0`, local time. */
function parseMonitorLine(line: string): AddressEvent | undefined {
  const m = /^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d+)\] (Deleted )?\d+: (\S+)\s+inet6? (\S+)/.exec(line);
  if (m === null) return undefined;
  const wallMs = Date.parse(m[1]!) + Number(`0.${m[2]!}`) * 1000;
  return { kind: m[3] === undefined ? 'added' : 'deleted', device: m[4]!, address: m[5]!, atMs: wallMs - performance.timeOrigin };
}
