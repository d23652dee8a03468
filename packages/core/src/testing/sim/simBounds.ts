import { simTimings as t } from './simClusterConfig.js';

/**
 * The bounds the invariants use, from the cluster's ha.cf timings (keepalive 1 s, deadtime 5 s,
 * initdead 12 s). docs/simulator.md explains each; the convergence figures runs measured are in
 * the summary of every `npm run sim`.
 */
export const simBounds = {
  /** Two nodes that hear each other cleanly may both run a group at most this long (a healed split brain). */
  twoHoldersMs: t.deadtimeMs,
  /**
   * A node sees a peer that is down, or cut off from it, as dead within the peer's announced
   * deadtime (deadtime + 2 s in its first 5 s), plus a second; a node that just started, within initdead.
   */
  deadMs: t.deadtimeMs + 2000 + 1000,
  initdeadMs: t.initdeadMs + 1000,
  /** Two running nodes that hear each other cleanly agree on each other's status within this. */
  viewMs: 3000,
  /** A healthy cluster of two nodes with groups converges within this, and one without groups within membershipConvergenceMs. */
  convergenceMs: 75_000,
  membershipConvergenceMs: 45_000,
  /** Converged means: the state held this long with nothing to disturb it (longer than RQSTDELAY, 10 s). */
  quietMs: 15_000,
  membershipQuietMs: 6000,
  /** After a graceful stop, the peer runs every group within this. */
  handoverMs: 30_000,
  /** How often the continuous invariants are checked (simulated ms). */
  checkEveryMs: 100,
} as const;
