/** A scheduled callback that can be cancelled. */
export interface Timer {
  cancel(): void;
}

/**
 * The only way Heartline code reads time or schedules work. Membership and failover logic take a
 * Clock so the simulator and unit tests can drive them with a ManualClock, to the millisecond.
 */
export interface Clock {
  /** Monotonic milliseconds; only differences are meaningful. */
  now(): number;
  /** Wall-clock time, for log lines and the `ts` field of messages. */
  wallTime(): Date;
  setTimeout(callback: () => void, delayMs: number): Timer;
  setInterval(callback: () => void, intervalMs: number): Timer;
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
}
