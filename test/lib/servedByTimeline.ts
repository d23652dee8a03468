import type { WebAttempt } from './WebAttempt.js';

/** A run of consecutive attempts with the same outcome: the node that served them, or the error. */
export interface ServedSpan {
  /** A node name, or `error: CODE`. */
  readonly what: string;
  readonly firstStartedMs: number;
  readonly lastEndedMs: number;
  readonly attempts: number;
}

/** `attempts` (any order) in the order they went out, consecutive equal outcomes merged. */
export function servedByTimeline(attempts: readonly WebAttempt[]): ServedSpan[] {
  const spans: ServedSpan[] = [];
  for (const attempt of [...attempts].sort((a, b) => a.seq - b.seq)) {
    const what = attempt.servedBy ?? `error: ${attempt.error ?? '?'}`;
    const last = spans.at(-1);
    if (last?.what === what) {
      spans[spans.length - 1] = { ...last, lastEndedMs: Math.max(last.lastEndedMs, attempt.endedMs), attempts: last.attempts + 1 };
    } else {
      spans.push({ what, firstStartedMs: attempt.startedMs, lastEndedMs: attempt.endedMs, attempts: 1 });
    }
  }
  return spans;
}
