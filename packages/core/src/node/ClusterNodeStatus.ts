import type { FailoverStatus } from '../failover/FailoverStatus.js';
import type { MembershipSnapshot } from '../membership/MembershipSnapshot.js';

/** What `ha status` shows: membership plus the node's media and refused packets. */
export interface ClusterNodeStatus extends MembershipSnapshot {
  readonly state: 'starting' | 'running' | 'stopping' | 'stopped';
  readonly media: ReadonlyArray<{ readonly id: string; readonly linkName: string; readonly wireFormat: string }>;
  readonly badPackets: Readonly<Record<string, number>>;
  readonly keepaliveMs: number;
  readonly deadtimeMs: number;
  /** The resource layer, when the node runs haresources groups. */
  readonly resources?: FailoverStatus;
}
