import type { OperationTimeouts } from '../OperationTimeouts.js';
import type { ConformanceCheck } from './ConformanceCheck.js';
import type { ConformanceOperation } from './ConformanceOperation.js';

/** What an agent conformance run found: every check in order, and every operation it asked. */
export interface ConformanceReport {
  /** The resource's spec (`IPaddr::10.0.0.5/24`). */
  readonly resource: string;
  /** The type of the agent that ran it (`*`: the script agent). */
  readonly agent: string;
  /** No check failed. */
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly checks: readonly ConformanceCheck[];
  readonly operations: readonly ConformanceOperation[];
  readonly timeouts: OperationTimeouts;
  /** Why the run ended before its last check, if it did. */
  readonly stoppedEarly: string | undefined;
  /** What the admin should know once it is over: the resource may still run, processes it left. */
  readonly warnings: readonly string[];
}
