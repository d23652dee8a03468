import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemorySink, ManualClock } from '@heartline/core/testing';
import { StructuredLogger, type ClusterNodeStatus, type PacketRefusals, type PeerCounts } from '@heartline/core';
import { NodeMetrics } from '../../src/daemon/metrics/NodeMetrics.js';
import type { MetricsNode } from '../../src/daemon/metrics/MetricsNode.js';
import { parseExposition } from '../helpers/parseExposition.js';

const peer = (node: string, counts: Partial<PeerCounts> = {}): PeerCounts => ({
  node,
  type: 'normal',
  heartbeats: 0,
  lateHeartbeats: 0,
  lastIntervalMs: 0,
  maxIntervalMs: 0,
  silenceMs: 0,
  rexmitRequests: 0,
  retransmitted: 0,
  ...counts,
});

function status(over: Partial<ClusterNodeStatus> = {}): ClusterNodeStatus {
  return {
    localNode: 'node1',
    localStatus: 'active',
    generation: 7,
    commUp: true,
    flowControl: true,
    state: 'running',
    media: [],
    badPackets: {},
    keepaliveMs: 1000,
    deadtimeMs: 5000,
    nodes: [
      { name: 'node1', type: 'normal', status: 'active', uuid: undefined, deadtimeMs: 5000, links: [{ name: 'eth1', status: 'dead' }] },
      { name: 'node2', type: 'normal', status: 'dead', uuid: undefined, deadtimeMs: 2000, links: [{ name: 'eth1', status: 'dead' }, { name: '/dev/ttyS0', status: 'up' }] },
      { name: 'node3', type: 'normal', status: 'standby-ish', uuid: undefined, deadtimeMs: 5000, links: [{ name: 'eth1', status: 'up' }] },
    ],
    resources: {
      mode: 'on',
      state: 'stable',
      stable: true,
      resourceState: 'all',
      held: 'all',
      peerHolds: 'none',
      peerStable: true,
      standby: 'not',
      groups: [
        { key: '10.0.0.5', node: 'node1', line: 'node1 10.0.0.5 apache2', owner: 'local', heldHere: true },
        {
          key: 'hlsvc2',
          node: 'node2',
          line: 'node2 hlsvc2',
          owner: 'foreign',
          heldHere: true,
          failure: 'start hlsvc2: failed (exit 1)',
          monitor: { resources: [], failures: 4, restarts: 3, restartsInWindow: 1, handovers: 1 },
        },
      ],
    },
    ...over,
  };
}

class FakeNode implements MetricsNode {
  current = status();
  refusals: PacketRefusals = { badPackets: { 'auth-failed': 3 }, membership: { 'old-generation': 2 }, unlogged: { 'auth-failed': 1 } };
  peers: PeerCounts[] = [
    peer('node1', { heartbeats: 100, lastIntervalMs: 1000, maxIntervalMs: 1003 }),
    peer('node2', { heartbeats: 40, lateHeartbeats: 2, lastIntervalMs: 3500, maxIntervalMs: 4200, silenceMs: 9000, rexmitRequests: 5, retransmitted: 6 }),
  ];
  status(): ClusterNodeStatus {
    return this.current;
  }
  packetRefusals(): PacketRefusals {
    return this.refusals;
  }
  peerCounts(): readonly PeerCounts[] {
    return this.peers;
  }
}

function metricsOf(node: MetricsNode | undefined, groups: readonly string[] = ['10.0.0.5', 'hlsvc2']): NodeMetrics {
  const clock = new ManualClock();
  return new NodeMetrics({ node: () => node, nodeName: 'node1', version: '9.9.9', groups, logger: new StructuredLogger([new MemorySink()], clock) });
}

describe('NodeMetrics: the node read at each scrape', () => {
  it('exports node and link states, heartbeat intervals, retransmissions and refused packets as read', async () => {
    const node = new FakeNode();
    const m = parseExposition(await metricsOf(node).render());
    assert.equal(m.value('heartline_info', { node: 'node1', version: '9.9.9' }), 1);
    assert.equal(m.value('heartline_comm_up'), 1);
    assert.deepEqual(
      m.series('heartline_node_status', { node: 'node2' }).map((s) => `${s.labels['status']}=${s.value}`),
      ['init=0', 'up=0', 'active=0', 'dead=1'],
    );
    assert.deepEqual(
      m.series('heartline_node_status', { node: 'node3' }).map((s) => `${s.labels['status']}=${s.value}`),
      ['init=0', 'up=0', 'active=0', 'dead=0', 'standby-ish=1'],
      'a status a peer announced that heartbeat does not name gets its own series',
    );
    assert.equal(m.value('heartline_node_deadtime_seconds', { node: 'node2' }), 2);
    assert.deepEqual(
      m.series('heartline_link_up').map((s) => `${s.labels['node']} ${s.labels['link']}=${s.value}`),
      ['node2 eth1=0', 'node2 /dev/ttyS0=1', 'node3 eth1=1'],
      'links to peers only',
    );
    assert.equal(m.value('heartline_heartbeats_total', { node: 'node2' }), 40);
    assert.equal(m.value('heartline_heartbeats_total', { node: 'node1' }), 100);
    assert.equal(m.value('heartline_late_heartbeats_total', { node: 'node2' }), 2);
    assert.equal(m.value('heartline_heartbeat_last_interval_seconds', { node: 'node2' }), 3.5);
    assert.equal(m.value('heartline_heartbeat_max_interval_seconds', { node: 'node2' }), 4.2);
    assert.equal(m.value('heartline_heartbeat_silence_seconds', { node: 'node2' }), 9);
    assert.equal(m.value('heartline_rexmit_requests_total', { node: 'node2' }), 5);
    assert.equal(m.value('heartline_retransmitted_messages_total', { node: 'node2' }), 6);
    assert.equal(m.value('heartline_refused_packets_total', { stage: 'wire', reason: 'auth-failed' }), 3);
    assert.equal(m.value('heartline_refused_packets_total', { stage: 'membership', reason: 'old-generation' }), 2);
    assert.equal(m.value('heartline_refused_packets_unlogged_total', { reason: 'auth-failed' }), 1);
    assert.equal(m.types.get('heartline_heartbeats_total'), 'counter');
    assert.equal(m.types.get('heartline_heartbeat_silence_seconds'), 'gauge');
  });

  it('exports the resource layer: state, stability, groups held and failed, monitoring counters', async () => {
    const m = parseExposition(await metricsOf(new FakeNode()).render());
    assert.deepEqual(m.series('heartline_failover_state').filter((s) => s.value === 1).map((s) => s.labels['state']), ['stable']);
    assert.equal(m.series('heartline_failover_state').length, 6);
    assert.equal(m.value('heartline_failover_stable'), 1);
    assert.equal(m.value('heartline_group_held', { group: '10.0.0.5' }), 1);
    assert.equal(m.value('heartline_group_failed', { group: '10.0.0.5' }), 0);
    assert.equal(m.value('heartline_group_failed', { group: 'hlsvc2' }), 1);
    assert.equal(m.value('heartline_monitor_failures_total', { group: 'hlsvc2' }), 4);
    assert.equal(m.value('heartline_monitor_restarts_total', { group: 'hlsvc2' }), 3);
    assert.equal(m.value('heartline_monitor_handovers_total', { group: 'hlsvc2' }), 1);
    assert.equal(m.value('heartline_monitor_failures_total', { group: '10.0.0.5' }), 0, 'a group never monitored here counts 0');
  });

  it('reads the node anew at each scrape: counters follow it (never added up), removed series go', async () => {
    const node = new FakeNode();
    const metrics = metricsOf(node);
    await metrics.render();
    node.peers = [peer('node1', { heartbeats: 101 }), peer('node2', { heartbeats: 41 })];
    node.current = status({ commUp: false, nodes: status().nodes.slice(0, 2) });
    node.refusals = { badPackets: { 'auth-failed': 4 }, membership: {}, unlogged: {} };
    const m = parseExposition(await metrics.render());
    assert.equal(m.value('heartline_heartbeats_total', { node: 'node2' }), 41);
    assert.equal(m.value('heartline_refused_packets_total', { stage: 'wire', reason: 'auth-failed' }), 4);
    assert.equal(m.value('heartline_comm_up'), 0);
    assert.deepEqual(m.series('heartline_node_status', { node: 'node3' }), []);
    assert.deepEqual(m.series('heartline_refused_packets_total', { stage: 'membership' }), []);
  });

  it('counts resource operation durations and group transitions as they happen, zero series first', async () => {
    const metrics = metricsOf(new FakeNode());
    const before = parseExposition(await metrics.render());
    assert.equal(before.series('heartline_group_transitions_total').length, 12, '2 groups x take/give/restart x ok/failed');
    assert.ok(before.series('heartline_group_transitions_total').every((s) => s.value === 0));
    assert.deepEqual(before.series('heartline_resource_operation_duration_seconds_count'), []);
    assert.equal(before.types.get('heartline_resource_operation_duration_seconds'), 'histogram');

    metrics.activator.resourceOperation({ resource: 'apache2', type: 'apache2', operation: 'start', result: 'running', durationMs: 1800 });
    metrics.activator.resourceOperation({ resource: 'apache2', type: 'apache2', operation: 'start', result: 'running', durationMs: 40 });
    metrics.activator.resourceOperation({ resource: 'apache2', type: 'apache2', operation: 'status', result: 'failed', durationMs: 20_000 });
    metrics.activator.groupOperation({ group: 'hlsvc2', operation: 'take', ok: true, durationMs: 1900 });
    metrics.activator.groupOperation({ group: 'hlsvc2', operation: 'restart', ok: false, durationMs: 100 });
    const m = parseExposition(await metrics.render());
    const start = { resource: 'apache2', operation: 'start', result: 'running' };
    assert.equal(m.value('heartline_resource_operation_duration_seconds_count', start), 2);
    assert.equal(m.value('heartline_resource_operation_duration_seconds_sum', start), 1.84);
    assert.equal(m.value('heartline_resource_operation_duration_seconds_bucket', { ...start, le: '0.05' }), 1);
    assert.equal(m.value('heartline_resource_operation_duration_seconds_bucket', { ...start, le: '2.5' }), 2);
    assert.equal(m.value('heartline_resource_operation_duration_seconds_bucket', { resource: 'apache2', operation: 'status', result: 'failed', le: '10' }), 0);
    assert.equal(m.value('heartline_group_transitions_total', { group: 'hlsvc2', transition: 'take', outcome: 'ok' }), 1);
    assert.equal(m.value('heartline_group_transitions_total', { group: 'hlsvc2', transition: 'restart', outcome: 'failed' }), 1);
    assert.equal(m.value('heartline_group_transitions_total', { group: '10.0.0.5', transition: 'take', outcome: 'ok' }), 0);
  });

  it('while no node runs (a restart), exports only what does not come from it', async () => {
    const m = parseExposition(await metricsOf(undefined).render());
    const names = [...new Set(m.samples.map((s) => s.name))].sort();
    assert.deepEqual(names, ['heartline_group_transitions_total', 'heartline_info']);
  });
});
