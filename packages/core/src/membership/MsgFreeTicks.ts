import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { SendHistory } from './SendHistory.js';

/**
 * Gmain_update_msgfree_count's 500 ms tick (SendHistory.rotateFreeCount) without a timer that wakes
 * the process twice a second: the ticks due since the start are applied whenever the history is
 * about to change or be read, each seeing the hiseq it would have seen (nothing was sent in between).
 * Ties keep the timer's order: a tick due this very millisecond has run, except inside the timers
 * Membership arms before heartbeat's tick (the first keepalive, the start-up deadtime), which fire
 * before it.
 */
export class MsgFreeTicks {
  private originMs: number | undefined;
  private armedBeforeTick = false;

  start(nowMs: number): void {
    this.originMs = nowMs;
  }

  stop(): void {
    this.originMs = undefined;
  }

  /** Runs `action` as a timer armed before the tick: a tick due now comes after it. */
  beforeTick(action: () => void): void {
    this.armedBeforeTick = true;
    try {
      action();
    } finally {
      this.armedBeforeTick = false;
    }
  }

  catchUp(history: SendHistory, nowMs: number): void {
    if (this.originMs === undefined) return;
    const sinceMs = nowMs - this.originMs;
    const due = Math.floor(sinceMs / K.msgFreeIntervalMs);
    history.rotateFreeCountTo(this.armedBeforeTick && due * K.msgFreeIntervalMs === sinceMs ? due - 1 : due);
  }
}
