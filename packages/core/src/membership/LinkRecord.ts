/** One heartbeat link: a (node, medium link name) pair, `up` or `dead` as heartbeat reports it. */
export interface LinkRecord {
  readonly name: string;
  status: 'up' | 'dead';
  /** Monotonic ms of the last packet from the node on this link. */
  lastUpdateMs: number;
}
