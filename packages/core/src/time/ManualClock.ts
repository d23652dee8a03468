import type { Clock, Timer } from './Clock.js';

interface Scheduled {
  readonly id: number;
  dueMs: number;
  readonly intervalMs: number | undefined;
  readonly callback: () => void;
}

/**
 * A clock that moves only when told to. Timers fire in due order (ties in scheduling order), so a
 * test or the simulator replays exactly the same schedule every time.
 */
export class ManualClock implements Clock {
  private nowMs: number;
  private readonly epochMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Scheduled>();

  constructor(startMs = 0, epochMs = Date.UTC(2026, 0, 1)) {
    this.nowMs = startMs;
    this.epochMs = epochMs;
  }

  now(): number {
    return this.nowMs;
  }

  wallTime(): Date {
    return new Date(this.epochMs + this.nowMs);
  }

  setTimeout(callback: () => void, delayMs: number): Timer {
    return this.schedule(callback, Math.max(0, delayMs), undefined);
  }

  setInterval(callback: () => void, intervalMs: number): Timer {
    const every = Math.max(1, intervalMs);
    return this.schedule(callback, every, every);
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, delayMs);
      const onAbort = (): void => {
        timer.cancel();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    this.advanceTo(this.nowMs + ms);
  }

  advanceTo(targetMs: number): void {
    for (;;) {
      const next = this.nextDue();
      if (next === undefined || next.dueMs > targetMs) break;
      this.nowMs = next.dueMs;
      if (next.intervalMs === undefined) this.timers.delete(next.id);
      else next.dueMs += next.intervalMs;
      next.callback();
    }
    this.nowMs = Math.max(this.nowMs, targetMs);
  }

  /** Due time of the earliest pending timer, if any. */
  nextDueMs(): number | undefined {
    return this.nextDue()?.dueMs;
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  private schedule(callback: () => void, delayMs: number, intervalMs: number | undefined): Timer {
    const id = this.nextId++;
    this.timers.set(id, { id, dueMs: this.nowMs + delayMs, intervalMs, callback });
    return { cancel: () => this.timers.delete(id) };
  }

  private nextDue(): Scheduled | undefined {
    let best: Scheduled | undefined;
    for (const t of this.timers.values()) {
      if (best === undefined || t.dueMs < best.dueMs || (t.dueMs === best.dueMs && t.id < best.id)) best = t;
    }
    return best;
  }
}
