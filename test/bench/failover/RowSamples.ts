import type { CrashSample } from './CrashSample.js';
import type { MoveSample } from './MoveSample.js';

/** What one daemon pair gave at one timing: a crash, a failback and a standby per round. */
export interface RowSamples {
  readonly crash: CrashSample[];
  readonly failback: MoveSample[];
  readonly standby: MoveSample[];
  /** Why the row ended early, when it did (the figures so far are kept). */
  failure?: string;
}
