import type { MachineDescription } from '../../lib/machineDescription.js';
import type { FailoverResult } from './FailoverResult.js';
import type { LoadSample } from './LoadSample.js';
import type { ScaleSample } from './ScaleSample.js';

/** Everything one run of the benchmark measured, and where. */
export interface FailoverReport {
  readonly machine: MachineDescription;
  /** The machine's load averages when the run ended (the start's are in `machine`). */
  readonly loadAtEnd: readonly [number, number, number];
  readonly startedAt: string;
  readonly durationS: number;
  readonly command: string;
  readonly failover: readonly FailoverResult[];
  readonly scale: readonly ScaleSample[];
  /** Undefined without --long. */
  readonly load: readonly LoadSample[] | undefined;
}
