import type { ShrinkOutcome } from './shrinkSchedule.js';
import type { SimRunResult } from './SimRunResult.js';

/** A schedule that broke an invariant, found during a simulation. */
export interface SimFailure {
  /** The run as generated. */
  readonly original: SimRunResult;
  /** The simplest schedule shrinking found that breaks the same invariant, replayed with its timeline. */
  readonly shrunk?: ShrinkOutcome & { readonly replay: SimRunResult };
}

/** What a batch of schedules came to (`npm run sim`). */
export interface SimulationReport {
  readonly schedules: number;
  readonly passed: number;
  readonly failures: readonly SimFailure[];
  /** Runs that ended in heartbeat's unresolvable split brain (SimRunResult.limitation), by seed. */
  readonly limitations: ReadonlyArray<{ readonly seed: number; readonly text: string }>;
  /** Wall time, and the rate it gives. */
  readonly elapsedMs: number;
  readonly schedulesPerMinute: number;
  readonly simulatedMs: number;
  /** Convergence times measured (ms from healthy to converged): how close runs came to the bounds. */
  readonly convergence: { readonly count: number; readonly medianMs: number; readonly p99Ms: number; readonly maxMs: number };
  /** Schedules run per cluster size. */
  readonly byNodes: Readonly<Record<string, number>>;
}
