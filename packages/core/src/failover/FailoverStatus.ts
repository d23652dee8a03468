/** The resource layer as `ha status` shows it (cl_status rscstatus and more). */
export interface FailoverStatus {
  readonly mode: 'on' | 'off' | 'legacy';
  /** hb_resource.c's resourcestate: init, starting, bothstarting, rscrcvd, stable, shutdown. */
  readonly state: string;
  readonly stable: boolean;
  /** What `cl_status rscstatus` prints: the held set when stable, else `transition`. */
  readonly resourceState: string;
  readonly held: string;
  readonly peerHolds: string;
  readonly peerStable: boolean;
  /** going_standby: not, me, other, done. */
  readonly standby: string;
  readonly groups: ReadonlyArray<{
    readonly key: string;
    /** The node whose haresources line it is. */
    readonly node: string;
    readonly line: string;
    /** `local`: this node's own group; `foreign`: another node's. */
    readonly owner: 'local' | 'foreign';
    /** Whether this node claims the group (its set is held). */
    readonly heldHere: boolean;
    /** The last operation on it that failed here. */
    readonly failure?: string;
  }>;
}
