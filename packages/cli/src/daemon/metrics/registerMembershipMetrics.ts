import type { Registry } from 'prom-client';
import { scraped } from './scraped.js';
import type { ScrapeView } from './ScrapeView.js';

/** The statuses heartbeat gives a node; each has its series, 1 for the one it is in. */
const NODE_STATUSES = ['init', 'up', 'active', 'dead'] as const;

/**
 * Membership as Prometheus sees it: node and link states, the intervals between the heartbeats
 * (status messages) of each node, and retransmissions. Read from the node at each scrape.
 */
export function registerMembershipMetrics(registry: Registry, view: () => ScrapeView | undefined): void {
  const peers = () => view()?.peers ?? [];
  const nodes = () => view()?.status.nodes ?? [];
  scraped(registry, { name: 'heartline_comm_up', help: 'Whether communication is up: every node heard from or declared dead, this node active (1) or not yet (0).', type: 'gauge', labels: [] }, function* () {
    const status = view()?.status;
    if (status !== undefined) yield [{}, status.commUp ? 1 : 0];
  });
  scraped(registry, { name: 'heartline_node_status', help: "A node's status as this node sees it (init, up, active, dead, or what it announced): 1 for the current one, 0 for the others.", type: 'gauge', labels: ['node', 'status'] }, function* () {
    for (const node of nodes()) {
      const statuses: readonly string[] = NODE_STATUSES.includes(node.status as never) ? NODE_STATUSES : [...NODE_STATUSES, node.status];
      for (const status of statuses) yield [{ node: node.name, status }, status === node.status ? 1 : 0];
    }
  });
  scraped(registry, { name: 'heartline_node_deadtime_seconds', help: "How long a node may stay silent before it is declared dead: the deadtime it announces (dt), or ours until it does.", type: 'gauge', labels: ['node'] }, function* () {
    for (const node of nodes()) yield [{ node: node.name }, node.deadtimeMs / 1000];
  });
  scraped(registry, { name: 'heartline_link_up', help: 'Whether a link (a medium) to a peer carries its packets: 1 up, 0 dead.', type: 'gauge', labels: ['node', 'link'] }, function* () {
    const local = view()?.status.localNode;
    for (const node of nodes()) {
      if (node.name === local || node.type === 'ping') continue;
      for (const link of node.links) yield [{ node: node.name, link: link.name }, link.status === 'up' ? 1 : 0];
    }
  });
  scraped(registry, { name: 'heartline_heartbeats_total', help: "Heartbeats (status messages) received from a node whose interval was measured; this node's own come back through its loopback.", type: 'counter', labels: ['node'] }, function* () {
    for (const p of peers()) yield [{ node: p.node }, p.heartbeats];
  });
  scraped(registry, { name: 'heartline_late_heartbeats_total', help: 'Heartbeats of a node that came later than warntime after its previous one (the "Late heartbeat" log lines).', type: 'counter', labels: ['node'] }, function* () {
    for (const p of peers()) yield [{ node: p.node }, p.lateHeartbeats];
  });
  scraped(registry, { name: 'heartline_heartbeat_last_interval_seconds', help: "Interval between a node's last two heartbeats.", type: 'gauge', labels: ['node'] }, function* () {
    for (const p of peers()) yield [{ node: p.node }, p.lastIntervalMs / 1000];
  });
  scraped(registry, { name: 'heartline_heartbeat_max_interval_seconds', help: "Longest interval between two heartbeats of a node since this node started.", type: 'gauge', labels: ['node'] }, function* () {
    for (const p of peers()) yield [{ node: p.node }, p.maxIntervalMs / 1000];
  });
  scraped(registry, { name: 'heartline_heartbeat_silence_seconds', help: "Time since a node's last heartbeat arrived: grows past its deadtime while it is dead.", type: 'gauge', labels: ['node'] }, function* () {
    for (const p of peers()) yield [{ node: p.node }, p.silenceMs / 1000];
  });
  scraped(registry, { name: 'heartline_rexmit_requests_total', help: 'Retransmission requests (NS_rexmit) this node sent a peer for its messages that did not arrive.', type: 'counter', labels: ['node'] }, function* () {
    for (const p of peers()) if (p.type === 'normal') yield [{ node: p.node }, p.rexmitRequests];
  });
  scraped(registry, { name: 'heartline_retransmitted_messages_total', help: "This node's messages sent again because a peer asked for them.", type: 'counter', labels: ['node'] }, function* () {
    for (const p of peers()) if (p.type === 'normal') yield [{ node: p.node }, p.retransmitted];
  });
}
