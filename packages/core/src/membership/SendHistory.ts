import type { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';

export interface HistoryEntry {
  readonly seq: number;
  readonly message: HaMessage;
  /** Monotonic ms of the last retransmission, undefined if never retransmitted. */
  lastRexmitMs: number | undefined;
}

/**
 * heartbeat's `msghist`: the last 500 messages we sent with a seq, kept for retransmission until
 * every live peer has acknowledged them (add2_xmit_hist, update_ackseq, Gmain_update_msgfree_count).
 * Sequence numbers are contiguous, so the ring slot of seq s is (s-1) mod 500.
 */
export class SendHistory {
  /** Highest seq sent. */
  hiseq = 0;
  /** Highest seq freed: requests at or below it are answered "seqno too low". */
  lowseq = 0;
  /** Lowest seq acknowledged by every live peer. */
  ackseq = 0;
  private readonly entries = new Map<number, HistoryEntry>();
  private readonly freeRing: number[] = new Array<number>(K.msgFreeSlots).fill(0);
  private freeCursor = -1;
  /** Messages newer than this (sent less than ~2.5 s ago) are kept even once acknowledged. */
  private timerLowseq = 0;
  /** Ticks applied since the start. */
  private ticks = 0;

  get size(): number {
    return this.entries.size;
  }

  get(seq: number): HistoryEntry | undefined {
    return this.entries.get(seq);
  }

  add(seq: number, message: HaMessage): void {
    this.hiseq = seq;
    const evicted = seq - K.maxMsgHist;
    if (this.entries.delete(evicted)) this.lowseq = evicted;
    this.entries.set(seq, { seq, message, lastRexmitMs: undefined });
  }

  /** Every 500 ms: remembers hiseq so that freeing lags sending by five ticks. */
  rotateFreeCount(): void {
    this.freeCursor = (this.freeCursor + 1) % K.msgFreeSlots;
    this.timerLowseq = this.freeRing[this.freeCursor] ?? 0;
    this.freeRing[this.freeCursor] = this.hiseq;
    this.ticks++;
  }

  /**
   * The ticks up to the `due`-th since the start, applied now rather than by a 500 ms timer: nothing
   * was added since the last call, so each sees the current hiseq. Five of them fill every slot with
   * it and a sixth reads it back; more would change nothing but the cursor, which no longer matters.
   */
  rotateFreeCountTo(due: number): void {
    const missed = due - this.ticks;
    for (let i = 0; i < Math.min(missed, K.msgFreeSlots + 1); i++) this.rotateFreeCount();
    this.ticks = Math.max(this.ticks, due);
  }

  /**
   * update_ackseq: raises the acknowledged seq and frees what may be freed. `sendDepth` is how
   * many sends are in progress (the message being sent must survive). Returns false when the
   * new value is not higher.
   */
  updateAckseq(newAckseq: number, sendDepth: number): boolean {
    const oldAckseq = this.ackseq;
    if (newAckseq <= oldAckseq) return false;
    this.ackseq = newAckseq;
    let start = this.lowseq;
    let count = this.ackseq - this.lowseq - sendDepth;
    if (oldAckseq === 0) count -= 1;
    while (count-- > 0) {
      if (start > this.timerLowseq) break;
      const seq = start + 1;
      if (this.entries.delete(seq)) this.lowseq = seq;
      start++;
    }
    return true;
  }
}
