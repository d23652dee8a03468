import type { ClusterNodeStatus, PacketRefusals, PeerCounts } from '@heartline/core';

/** What the metrics read of the running node at each scrape (a ClusterNode; a fake in tests). */
export interface MetricsNode {
  status(): ClusterNodeStatus;
  packetRefusals(): PacketRefusals;
  peerCounts(): readonly PeerCounts[];
}
