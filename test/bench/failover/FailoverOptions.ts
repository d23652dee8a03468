import type { DaemonPair } from './DaemonPair.js';
import type { LoadPhase } from './LoadPhase.js';
import type { TimingRow } from './TimingRow.js';

/** What `npm run bench -- failover …` measures. */
export interface FailoverOptions {
  readonly timings: readonly TimingRow[];
  readonly pairs: readonly DaemonPair[];
  /** Rounds (crash, failback, standby) per pair at each timing, and at the seeds' 2 s / 10 s. */
  readonly runs: number;
  readonly seedRuns: number;
  /** Cluster sizes of the idle measurement (none: skipped), its media and window. */
  readonly scaleNodes: readonly number[];
  readonly scaleMedia: ReadonlyArray<'bcast' | 'ucast'>;
  readonly idleWindowS: number;
  /** Load phases (only with --long) and their length. */
  readonly loadPhases: readonly LoadPhase[];
  readonly loadS: number;
  readonly json: boolean;
  readonly markdown: string | undefined;
  readonly keep: boolean;
  /** The arguments as given, for the report's "reproduce with". */
  readonly argv: readonly string[];
}
