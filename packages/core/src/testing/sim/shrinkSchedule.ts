import type { SimRunResult } from './SimRunResult.js';
import type { SimSchedule } from './SimSchedule.js';
import { shrinkCandidates } from './shrinkCandidates.js';

/** What shrinking came to: the simplest schedule found that still fails the same way, and its run. */
export interface ShrinkOutcome {
  readonly schedule: SimSchedule;
  readonly result: SimRunResult;
  /** Runs tried, and whether the budget ran out before no simpler candidate failed. */
  readonly runs: number;
  readonly exhausted: boolean;
}

/**
 * Greedy shrinking: take the first simpler candidate that breaks the same invariant, and start
 * over from it, until none does or `maxRuns` runs were spent. Every run is deterministic, so the
 * result is a fixed function of the failing schedule.
 */
export async function shrinkSchedule(
  failing: SimRunResult,
  run: (schedule: SimSchedule) => Promise<SimRunResult>,
  maxRuns = 300,
): Promise<ShrinkOutcome> {
  const invariant = failing.violation?.invariant;
  if (invariant === undefined) throw new Error('shrinkSchedule needs a failing run');
  let best = failing;
  let runs = 0;
  for (;;) {
    let improved = false;
    for (const candidate of shrinkCandidates(best.schedule)) {
      if (runs >= maxRuns) return { schedule: best.schedule, result: best, runs, exhausted: true };
      runs++;
      const result = await run(candidate);
      if (result.violation?.invariant === invariant) {
        best = result;
        improved = true;
        break;
      }
    }
    if (!improved) return { schedule: best.schedule, result: best, runs, exhausted: false };
  }
}
