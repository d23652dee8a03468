import type { ClusterNodeStatus, PacketRefusals, PeerCounts } from '@heartline/core';

/** The node as one scrape sees it: read once, so that every metric of a scrape agrees. */
export interface ScrapeView {
  readonly status: ClusterNodeStatus;
  readonly refusals: PacketRefusals;
  readonly peers: readonly PeerCounts[];
}
