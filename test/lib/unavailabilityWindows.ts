import { isGood, type WebAttempt } from './WebAttempt.js';

/** A time without the page: from the last good response before a failed attempt to the first good one after. */
export interface UnavailabilityWindow {
  readonly lastGood: WebAttempt;
  readonly firstGood: WebAttempt;
  /** lastGood's answer → firstGood's answer (ms); the attempts' interval is its resolution. */
  readonly durationMs: number;
  /** The failed attempts between them, in the order they went out. */
  readonly failures: readonly WebAttempt[];
  /** Their errors, each once, in order of first appearance. */
  readonly errors: readonly string[];
}

/**
 * The closed windows of unavailability among `attempts` (any order), taken in the order the
 * requests went out. Failures before the first good response (nothing served yet) and after the
 * last one (still down) open no window.
 */
export function unavailabilityWindows(attempts: readonly WebAttempt[]): UnavailabilityWindow[] {
  const ordered = [...attempts].sort((a, b) => a.seq - b.seq);
  const windows: UnavailabilityWindow[] = [];
  let lastGood: WebAttempt | undefined;
  let failures: WebAttempt[] = [];
  for (const attempt of ordered) {
    if (!isGood(attempt)) {
      if (lastGood !== undefined) failures.push(attempt);
      continue;
    }
    if (lastGood !== undefined && failures.length > 0) {
      windows.push({
        lastGood,
        firstGood: attempt,
        durationMs: attempt.endedMs - lastGood.endedMs,
        failures,
        errors: [...new Set(failures.map((f) => f.error ?? '?'))],
      });
    }
    lastGood = attempt;
    failures = [];
  }
  return windows;
}
