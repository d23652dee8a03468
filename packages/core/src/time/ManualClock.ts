import type { Clock, Timer } from './Clock.js';

interface Scheduled {
  readonly id: number;
  dueMs: number;
  readonly intervalMs: number | undefined;
  readonly callback: () => void;
}

/**
 * A clock that moves only when told to. Timers fire in due order (ties in scheduling order), so a
 * test or the simulator replays exactly the same schedule every time. Pending timers sit in a
 * binary heap on (due, id): the simulator keeps hundreds of them (frames in flight to 16 nodes).
 */
export class ManualClock implements Clock {
  private nowMs: number;
  private readonly epochMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Scheduled>();
  /** (due, id) of every arming; an entry whose timer was cancelled or re-armed is skipped when it surfaces. */
  private readonly heap: Array<{ readonly dueMs: number; readonly id: number }> = [];

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
      this.popHeap();
      if (next.intervalMs === undefined) this.timers.delete(next.id);
      else {
        next.dueMs += next.intervalMs;
        this.pushHeap(next.dueMs, next.id);
      }
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
    const dueMs = this.nowMs + delayMs;
    this.timers.set(id, { id, dueMs, intervalMs, callback });
    this.pushHeap(dueMs, id);
    return { cancel: () => this.timers.delete(id) };
  }

  /** The earliest live timer; stale heap entries on top are dropped on the way. */
  private nextDue(): Scheduled | undefined {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined) return undefined;
      const timer = this.timers.get(top.id);
      if (timer !== undefined && timer.dueMs === top.dueMs) return timer;
      this.popHeap();
    }
  }

  private static before(a: { dueMs: number; id: number }, b: { dueMs: number; id: number }): boolean {
    return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.id < b.id);
  }

  private pushHeap(dueMs: number, id: number): void {
    const heap = this.heap;
    const entry = { dueMs, id };
    let i = heap.push(entry) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent];
      if (above === undefined || !ManualClock.before(entry, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = entry;
  }

  private popHeap(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const l = heap[left];
      const r = heap[right];
      const child = r !== undefined && l !== undefined && ManualClock.before(r, l) ? right : left;
      const smaller = heap[child];
      if (smaller === undefined || !ManualClock.before(smaller, last)) break;
      heap[i] = smaller;
      i = child;
    }
    heap[i] = last;
  }
}
