import type { Logger } from '../log/Logger.js';
import type { Clock, Timer } from '../time/Clock.js';
import type { NodeRecord } from './NodeRecord.js';

/**
 * hb_rexmit.c: one timer per (node, missing seq). The first request goes out after a random
 * 50..max_rexmit_delay ms (0..max below 100 ms) so that merely reordered packets are not asked
 * for; then every max_rexmit_delay ms while the node is up or active, until the packet, a NAK, a
 * restart or the node's death cancels it.
 */
export class RexmitRequests {
  private readonly timers = new Map<NodeRecord, Map<number, Timer | undefined>>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly maxRexmitDelayMs: number,
    private readonly random: () => number,
    private readonly sendRequest: (node: NodeRecord, seq: number) => void,
  ) {}

  /** request_msg_rexmit: schedules a request for each seq in [lowSeq, highSeq]. */
  request(node: NodeRecord, lowSeq: number, highSeq: number): void {
    for (let seq = lowSeq; seq <= highSeq; seq++) this.schedule(node, seq, 0);
  }

  /** remove_msg_rexmit. */
  remove(node: NodeRecord, seq: number): void {
    const perNode = this.timers.get(node);
    if (perNode === undefined || !perNode.has(seq)) {
      this.logger.error(`remove_msg_rexmit: no entry found in rexmit hash_table for the missing packet(${seq})`);
      return;
    }
    perNode.get(seq)?.cancel();
    perNode.delete(seq);
  }

  /** Seqs with a pending request for this node (for tests and status). */
  pending(node: NodeRecord): number[] {
    return [...(this.timers.get(node)?.keys() ?? [])];
  }

  cancelAll(): void {
    for (const perNode of this.timers.values()) for (const t of perNode.values()) t?.cancel();
    this.timers.clear();
  }

  private schedule(node: NodeRecord, seq: number, delayMs: number): void {
    let delay = delayMs;
    if (delay === 0) {
      const low = this.maxRexmitDelayMs < 100 ? 0 : 50;
      delay = low + Math.round(this.random() * (this.maxRexmitDelayMs - low));
    }
    let perNode = this.timers.get(node);
    if (perNode === undefined) {
      perNode = new Map();
      this.timers.set(node, perNode);
    }
    perNode.get(seq)?.cancel();
    perNode.set(
      seq,
      this.clock.setTimeout(() => this.fire(node, seq), delay),
    );
  }

  private fire(node: NodeRecord, seq: number): void {
    if (node.status !== 'up' && node.status !== 'active') {
      // No point asking a node that is not up; the entry stays (as in heartbeat) until cleared.
      this.timers.get(node)?.set(seq, undefined);
      return;
    }
    node.counters.rexmitRequests++;
    this.sendRequest(node, seq);
    // Sending runs our own loopback first; if that cleared the request, do not revive it.
    if (this.timers.get(node)?.delete(seq) !== true) return;
    this.schedule(node, seq, this.maxRexmitDelayMs);
  }
}
