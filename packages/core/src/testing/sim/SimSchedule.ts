import type { SimStep } from './SimStep.js';

/**
 * Everything one simulated run needs: with the same schedule, a run is the same to the
 * millisecond. Plain data (JSON) so a failing one can be printed and replayed (`--replay`).
 */
export interface SimSchedule {
  /** Seeds the network's and the nodes' randomness (and generated the steps). */
  readonly seed: number;
  /** node1 … nodeN. */
  readonly nodes: number;
  readonly autoFailback: 'on' | 'off' | 'legacy';
  /**
   * Whether nodes run resource groups: only with two nodes, where heartbeat's negotiation is
   * defined (docs/resources.md); larger clusters check membership only.
   */
  readonly groups: boolean;
  /** Resource monitoring on (every service monitored, 2 s interval): schedules may kill services. */
  readonly monitoring: boolean;
  /** A node that counts peers as heartbeat 3.0.6 does (`upcount: 'active-only'`): a mixed cluster. */
  readonly heartbeatPeer?: number;
  /** When each node first boots (ms): together, or one after the other, across initdead. */
  readonly bootAtMs: readonly number[];
  /** Time from the start until the first step. */
  readonly warmupMs: number;
  /** The node the closing failback probe stops and starts again (groups only). */
  readonly probeNode: number;
  readonly steps: readonly SimStep[];
}
