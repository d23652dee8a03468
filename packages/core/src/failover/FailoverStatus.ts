import type { FencingStatus } from '../fencing/FencingStatus.js';

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
  /** The STONITH device and resets in progress; absent when ha.cf configures no device. */
  readonly fencing?: FencingStatus;
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
    /** What resource monitoring saw of it here; absent when it never ran here monitored. */
    readonly monitor?: GroupMonitorStatus;
  }>;
}

/** Resource monitoring of one group on this node (`ha status`). */
export interface GroupMonitorStatus {
  /** The resources checked while the group runs here, with their interval and where that comes from. */
  readonly resources: ReadonlyArray<{ readonly resource: string; readonly intervalMs: number; readonly origin: string }>;
  /** Failed checks since the daemon started. */
  readonly failures: number;
  /** Restarts in place since the daemon started, and within the current restart window. */
  readonly restarts: number;
  readonly restartsInWindow: number;
  /** Times the group was handed to the peer because it kept failing. */
  readonly handovers: number;
  /** ISO times; the failure names the resource and its cause. */
  readonly lastFailure?: { readonly resource: string; readonly cause: string; readonly at: string };
  readonly lastRestartAt?: string;
  readonly lastHandoverAt?: string;
}
