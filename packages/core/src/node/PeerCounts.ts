/**
 * What membership counted about one node (ourselves included: our own status loops back), for
 * metrics. Counts start at zero when the node starts; the names of configured nodes are the only
 * keys, so the set stays small.
 */
export interface PeerCounts {
  readonly node: string;
  readonly type: 'normal' | 'ping';
  /** Status messages whose interval since the previous one (or our start) was measured. */
  readonly heartbeats: number;
  /** Of them, the ones later than warntime ("Late heartbeat" in the log). */
  readonly lateHeartbeats: number;
  readonly lastIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Since the last status accepted from the node (or our start, before the first one). */
  readonly silenceMs: number;
  /** NS_rexmit requests we sent the node for messages of its that did not arrive. */
  readonly rexmitRequests: number;
  /** Our messages sent again because the node asked for them. */
  readonly retransmitted: number;
}
