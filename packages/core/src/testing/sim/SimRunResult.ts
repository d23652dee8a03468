import type { SimSchedule } from './SimSchedule.js';
import type { TimelineEntry } from './SimTimeline.js';
import type { SimViolation } from './SimViolation.js';

/** What one run of one schedule came to. */
export interface SimRunResult {
  readonly schedule: SimSchedule;
  readonly violation?: SimViolation;
  /** The run met heartbeat's unresolvable split brain (SimChecker.limitation) and ended there. */
  readonly limitation?: string;
  /** Simulated time the run covered, and timers fired. */
  readonly simulatedMs: number;
  readonly events: number;
  /** From a healthy cluster to converged (ms), for each time the run waited for it. */
  readonly convergenceMs: readonly number[];
  readonly frames: { readonly sent: number; readonly delivered: number; readonly dropped: number; readonly duplicated: number };
  /** Empty unless recorded. */
  readonly timeline: readonly TimelineEntry[];
  /** The timeline as readable lines (empty unless recorded). */
  readonly story: readonly string[];
}
