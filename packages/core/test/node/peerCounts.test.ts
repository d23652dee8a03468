import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeCluster } from './cluster.js';

// keepalive 1 s, warntime 3 s, deadtime 5 s (cluster.ts's ha.cf).
describe('ClusterNode.peerCounts: heartbeat intervals and retransmissions per node, for metrics', () => {
  it('counts heartbeats, late ones, the longest gap, the silence of a dead node, and retransmissions both ways', async () => {
    const c = makeCluster(['node1', 'node2']);
    const one = c.nodes[0]!.node;
    const two = c.nodes[1]!.node;
    assert.deepEqual(one.peerCounts(), [], 'nothing before the start');
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(10_000);
    const of = (node: typeof one, name: string) => node.peerCounts().find((p) => p.node === name)!;
    const steady = of(one, 'node2');
    assert.ok(steady.heartbeats >= 9, `heartbeats ${steady.heartbeats}`);
    assert.equal(steady.lateHeartbeats, 0);
    assert.ok(steady.maxIntervalMs <= 1100 && steady.lastIntervalMs <= 1100, JSON.stringify(steady));
    assert.ok(steady.silenceMs < 1100, `silence ${steady.silenceMs}`);
    assert.equal(steady.rexmitRequests, 0);
    assert.ok(of(one, 'node1').heartbeats >= 9, 'our own statuses loop back and are measured too');

    // node2's packets are lost for 3.5 s (more than warntime, less than deadtime): one late
    // heartbeat, and the statuses lost in between are asked for again and re-sent.
    c.network.cut('node2', 'node1', true);
    c.clock.advance(3500);
    c.network.heal('node2', 'node1');
    c.clock.advance(3000);
    const late = of(one, 'node2');
    assert.equal(late.lateHeartbeats, 1);
    assert.ok(late.maxIntervalMs > 3000 && late.maxIntervalMs < 5000, `max interval ${late.maxIntervalMs}`);
    assert.ok(late.heartbeats > steady.heartbeats);
    assert.ok(late.rexmitRequests >= 1, `node1 asked node2 again: ${late.rexmitRequests}`);
    assert.ok(of(two, 'node1').retransmitted >= 1, `node2 re-sent for node1: ${of(two, 'node1').retransmitted}`);
    assert.equal(of(one, 'node2').retransmitted, 0, 'node2 lost nothing of node1');

    // A power cut: no more heartbeats, the silence grows past the deadtime.
    await two.halt();
    const atHalt = of(one, 'node2').heartbeats;
    c.clock.advance(8000);
    const dead = of(one, 'node2');
    assert.ok(dead.silenceMs >= 7000, `silence ${dead.silenceMs}`);
    assert.equal(dead.heartbeats, atHalt, 'no heartbeat after the power cut');
    assert.equal(one.status().nodes.find((n) => n.name === 'node2')?.status, 'dead');
  });
});
