import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MediaSpec } from '@heartline/core';
import type { LabNode } from './LabNode.js';

export type ProbeEvent =
  | { readonly event: 'open' }
  | { readonly event: 'error'; readonly code?: string; readonly message: string }
  | { readonly event: 'frame'; readonly media: number; readonly link: string; readonly from: string; readonly text: string }
  | { readonly event: 'sent'; readonly media: number };

/**
 * Drives `runTransportProbe.js` in a node's network namespace: real UDP media of
 * @heartline/transport-udp on the node's veth, frames reported back as events.
 */
export class TransportProbe {
  readonly events: ProbeEvent[] = [];
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(node: LabNode, specs: readonly MediaSpec[]) {
    this.child = spawn('ip', ['netns', 'exec', node.ns, process.execPath, join(import.meta.dirname, 'runTransportProbe.js'), JSON.stringify(specs)], {
      detached: true,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.events.push(JSON.parse(line) as ProbeEvent);
      for (const w of [...this.waiters]) w();
    });
  }

  /** Resolves with 'open', or the error event when the media could not be opened. */
  async opened(): Promise<ProbeEvent> {
    return this.next((e) => e.event === 'open' || e.event === 'error');
  }

  send(media: number, text: string): Promise<ProbeEvent> {
    const sent = this.events.length;
    this.child.stdin!.write(`${JSON.stringify({ send: media, text })}\n`);
    return this.next((e) => e.event === 'sent', sent);
  }

  frames(): Array<Extract<ProbeEvent, { event: 'frame' }>> {
    return this.events.filter((e): e is Extract<ProbeEvent, { event: 'frame' }> => e.event === 'frame');
  }

  next(match: (e: ProbeEvent) => boolean, from = 0, timeoutMs = 5000): Promise<ProbeEvent> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.events.slice(from).find(match);
        if (found === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`probe: no matching event within ${timeoutMs} ms; events: ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    if (this.child.pid !== undefined && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}
