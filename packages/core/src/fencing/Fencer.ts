import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { FenceContext, FenceValidateContext } from './FenceContext.js';
import type { FenceDevice } from './FenceDevice.js';
import type { FenceResult } from './FenceResult.js';

/**
 * One kind of STONITH device (cluster-glue's stonith plugins): `null`, `ssh`, `meatware`, or
 * `external/*`, which serves every `external/NAME`. A third plugin kind beside agents and
 * transports (the manifest's `fencers`). Operational outcomes are results; a fencer throws only for
 * bugs, and core turns a throw into `bad` anyway: a dead node's groups wait for a real reset.
 */
export interface Fencer {
  /** The STONITH type it serves; `external/*` for every `external/NAME`. */
  readonly type: string;
  /** Every problem with the device's parameters (and whatever it needs on this machine), at once. */
  validate(device: FenceDevice, context: FenceValidateContext): Promise<ConfigIssue[]>;
  /** heartbeat's stonith_req_reset(RESET): the node is reset (or powered off) when this says `ok`. */
  reset(node: string, context: FenceContext): Promise<FenceResult>;
  /** heartbeat's stonith_get_status, at comm-up and hourly; without it the device counts as working. */
  status?(context: FenceContext): Promise<FenceResult>;
  /**
   * How long a reset may take before it counts as failed (default 120 s). `Infinity` for a fencer
   * that waits for an operator (meatware): only the node's return or a stop ends its wait.
   */
  readonly resetTimeoutMs?: number;
}
