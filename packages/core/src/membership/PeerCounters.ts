/**
 * What membership counted about one node, for metrics: plain numbers bumped where the protocol
 * already does the work (no allocation, no timer), read when metrics are scraped.
 */
export class PeerCounters {
  /** Intervals measured between two status messages of the node (what "Late heartbeat" is about). */
  heartbeats = 0;
  /** Of them, the ones longer than warntime: heartbeat's "Late heartbeat" lines. */
  lateHeartbeats = 0;
  lastIntervalMs = 0;
  maxIntervalMs = 0;
  /** NS_rexmit requests sent to the node for messages of its that did not arrive. */
  rexmitRequests = 0;
  /** Our messages sent again because the node asked for them. */
  retransmitted = 0;

  /** A status arrived `intervalMs` after the previous one (or after our start). */
  heartbeat(intervalMs: number, late: boolean): void {
    this.heartbeats++;
    if (late) this.lateHeartbeats++;
    this.lastIntervalMs = intervalMs;
    if (intervalMs > this.maxIntervalMs) this.maxIntervalMs = intervalMs;
  }
}
