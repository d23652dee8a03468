import type { Clock } from '../../time/Clock.js';
import type { SimGenerateOptions } from './SimGenerateOptions.js';
import type { SimRunResult } from './SimRunResult.js';
import type { SimWorldOptions } from './SimWorld.js';

/** A batch of schedules: which seeds, what kind, and what to do on a failure. */
export interface SimulationOptions {
  /** Schedule seeds to run, in order (`--seed S --schedules N`: S, S+1, … S+N-1). */
  readonly seeds: readonly number[];
  readonly generate: SimGenerateOptions;
  /** Run every seed even after a failure (each failure is listed; only the first is shrunk). */
  readonly keepGoing?: boolean;
  /** Shrink the first failure (default true), spending at most this many runs (default 300). */
  readonly shrink?: boolean;
  readonly shrinkRuns?: number;
  /** Test hooks for the simulated world (a broken agent). */
  readonly world?: SimWorldOptions;
  /** For the elapsed time and the rate (default: the system clock). */
  readonly clock?: Clock;
  /** Called after each schedule. */
  readonly onResult?: (result: SimRunResult, done: number) => void;
}
