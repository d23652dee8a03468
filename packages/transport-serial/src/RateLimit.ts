import type { Clock } from '@heartline/core';

/**
 * Lets a repeated warning through at most once per interval and counts what it held back, so a
 * broken cable at 19200 baud cannot flood the log (heartbeat: once an hour for TTY write timeouts).
 */
export class RateLimit {
  private lastMs: number | undefined;
  private held = 0;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  /** Undefined when the event is held back; otherwise how many were held back since the last one. */
  pass(): number | undefined {
    const now = this.clock.now();
    if (this.lastMs !== undefined && now - this.lastMs < this.intervalMs) {
      this.held++;
      return undefined;
    }
    this.lastMs = now;
    const held = this.held;
    this.held = 0;
    return held;
  }
}
