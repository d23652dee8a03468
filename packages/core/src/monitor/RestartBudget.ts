/** Restarts in place of one group within a sliding window: how many were used, whether one more fits. */
export class RestartBudget {
  private readonly times: number[] = [];

  /** Restarts within the window ending at `nowMs`. */
  used(nowMs: number, windowMs: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= nowMs - windowMs) this.times.shift();
    return this.times.length;
  }

  allows(nowMs: number, windowMs: number, restarts: number): boolean {
    return this.used(nowMs, windowMs) < restarts;
  }

  record(nowMs: number): void {
    this.times.push(nowMs);
  }
}
