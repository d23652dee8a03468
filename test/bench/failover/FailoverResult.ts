import type { DaemonPair } from './DaemonPair.js';
import type { RowSamples } from './RowSamples.js';
import type { TimingRow } from './TimingRow.js';

/** Every daemon pair's samples at one timing, measured in the same run. */
export interface FailoverResult {
  readonly timing: TimingRow;
  /** Rounds asked for per pair (a pair that failed has fewer). */
  readonly runs: number;
  readonly pairs: Partial<Record<DaemonPair['id'], RowSamples>>;
  /** The machine's 1-minute load average when the row began (the machine may be shared). */
  readonly loadAverage: number;
}
