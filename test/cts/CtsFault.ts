import type { CtsCluster } from './CtsCluster.js';
import type { SeededRandom } from './SeededRandom.js';

/** What one fault did, once the cluster is back in its steady state (each group at home). */
export interface FaultOutcome {
  /** The fault's parameters and what was seen, e.g. `node1 (heartline), node2 took all in 1.4 s`. */
  readonly detail: string;
  /** From the disruption to the state the fault expects right after it (e.g. the survivor serving all). */
  readonly recoverMs: number;
}

/**
 * One kind of fault of the catalogue (heartbeat CTS's scenarios, spec §10): `run` injects it, waits
 * for the recovery it expects, checking the invariants all along (CtsCluster.placed), and undoes it
 * until each group is at home again. It throws a CtsViolation for a broken invariant, any other
 * error when the cluster did not recover in time.
 */
export interface CtsFault {
  readonly kind: string;
  /** Whether it can run on this cluster (e.g. Heartline-only settings). */
  applies(cluster: CtsCluster): boolean;
  run(cluster: CtsCluster, random: SeededRandom): Promise<FaultOutcome>;
}

/** `1.4 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `node1 (heartline)` */
export function label(cluster: CtsCluster, i: number): string {
  return `${cluster.node(i).name} (${cluster.daemon(i).kind})`;
}
