import type { FenceResult } from './FenceResult.js';

/**
 * The configured STONITH device as failover uses it: reset a dead peer before taking its groups,
 * check the device at comm-up and hourly. Absent when ha.cf configures none.
 */
export interface Fencing {
  /** Names the device in heartbeat's log lines (`Resetting node X with [DEVICE]`). */
  readonly device: string;
  reset(node: string, signal: AbortSignal): Promise<FenceResult>;
  status(signal: AbortSignal): Promise<FenceResult>;
  /** Whether a reset of `node` waits for `ha fence confirm` now. */
  awaitingConfirmation(node: string): boolean;
}
