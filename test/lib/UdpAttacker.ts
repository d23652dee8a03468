import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from './LabNode.js';
import { repoRoot } from './repoRoot.js';

const SCRIPT = join(repoRoot, 'test/dist/lib/udpAttackerMain.js');

export interface FloodResult {
  readonly sent: number;
  readonly failed: number;
  readonly ms: number;
}

/**
 * A hostile host of the lab: a lab node's network namespace with no Heartline on it, from which
 * udpAttackerMain listens to the LAN and sends datagrams. Its files go in `dir`.
 */
export class UdpAttacker {
  private runs = 0;

  constructor(
    readonly host: LabNode,
    private readonly dir: string,
  ) {}

  /** The first `count` datagrams that `fromAddress` sends to `port` here (broadcasts included). */
  async capture(fromAddress: string, count: number, options: { port?: number; timeoutMs?: number } = {}): Promise<Buffer[]> {
    const out = join(this.dir, `attacker-capture-${this.runs++}.txt`);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const result = await this.host.netExec(
      process.execPath,
      [SCRIPT, 'capture', '0.0.0.0', String(options.port ?? 694), fromAddress, String(count), String(timeoutMs), out],
      { allowFailure: true, timeoutMs: timeoutMs + 5000 },
    );
    const packets = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => Buffer.from(l, 'base64'));
    if (result.code !== 0) throw new Error(`captured ${packets.length} of ${count} datagrams from ${fromAddress}: ${result.stderr}`);
    return packets;
  }

  /** Sends `count` datagrams to `to`:`port`, `packets` in turn, at up to `ratePerS`. */
  async flood(packets: readonly Uint8Array[], options: { to: string; count: number; ratePerS: number; port?: number }): Promise<FloodResult> {
    const file = join(this.dir, `attacker-packets-${this.runs++}.txt`);
    writeFileSync(file, packets.map((p) => `${Buffer.from(p).toString('base64')}\n`).join(''));
    const result = await this.host.netExec(
      process.execPath,
      [SCRIPT, 'flood', this.host.address, options.to, String(options.port ?? 694), file, String(options.count), String(options.ratePerS)],
      { timeoutMs: 60_000 },
    );
    return JSON.parse(result.stdout) as FloodResult;
  }
}
