import { SystemClock } from '../../time/SystemClock.js';
import { generateSchedule } from './generateSchedule.js';
import { runSchedule } from './runSchedule.js';
import { shrinkSchedule } from './shrinkSchedule.js';
import type { SimRunResult } from './SimRunResult.js';
import type { SimulationOptions } from './SimulationOptions.js';
import type { SimFailure, SimulationReport } from './SimulationReport.js';
import { summarize } from './summarize.js';

/**
 * Runs the schedules of `options.seeds` one after the other; on the first failure, shrinks it and
 * replays the shrunk schedule with its timeline recorded. Stops there unless `keepGoing`.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const clock = options.clock ?? new SystemClock();
  const startMs = clock.now();
  const results: SimRunResult[] = [];
  const failures: SimFailure[] = [];
  for (const seed of options.seeds) {
    const result = await runSchedule(generateSchedule(seed, options.generate), options.world);
    results.push(result);
    options.onResult?.(result, results.length);
    if (result.violation === undefined) continue;
    failures.push(failures.length === 0 && options.shrink !== false ? await shrinkFailure(result, options) : { original: result });
    if (options.keepGoing !== true) break;
  }
  return summarize(results, failures, clock.now() - startMs);
}

/** The shrunk schedule, replayed with its timeline: what a failing run prints. */
export async function shrinkFailure(result: SimRunResult, options: Pick<SimulationOptions, 'world' | 'shrinkRuns'>): Promise<SimFailure> {
  const shrunk = await shrinkSchedule(result, (s) => runSchedule(s, options.world), options.shrinkRuns ?? 300);
  const replay = await runSchedule(shrunk.schedule, { ...options.world, record: true });
  return { original: result, shrunk: { ...shrunk, replay } };
}
