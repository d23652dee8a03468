import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WireAuth } from '../../src/auth/WireAuth.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import { makeCluster, settle } from './cluster.js';

const wrongKey = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key: 'other' }]]) });

describe('a flood of bad packets at a ClusterNode', () => {
  it('counts every one, logs the first five in full and summarises the rest per interval', async () => {
    const c = makeCluster(['node1', 'node2']);
    const node1 = c.nodes[0]!;
    await node1.node.start();
    const rogue = c.network.attach('node2', 'eth0', { loopback: false });
    await rogue.open();
    const forged = wrongKey.sealUdp(HaMessage.fromStrings([['t', 'status'], ['st', 'up'], ['src', 'node2'], ['seq', '1'], ['hg', '1'], ['ts', '1']]), { innerAuth: true });
    for (let i = 0; i < 2000; i++) {
      await rogue.send(forged);
      if (i % 100 === 99) c.clock.advance(1000); // 100 a second for 20 s
    }
    c.clock.advance(5);
    assert.equal(node1.node.status().badPackets['auth-failed'], 2000);
    const full = node1.lines().filter((l) => l.startsWith('ERROR: netstring authentication failed, s=[node2] on eth0'));
    assert.equal(full.length, 5);
    c.clock.advance(60_000);
    const summaries = node1.lines().filter((l) => l.startsWith('WARN: bad packets:'));
    assert.equal(summaries.length, 1, summaries.join('\n'));
    assert.match(summaries[0]!, /^WARN: bad packets: 1995 more auth-failed from \[node2\] node2 on eth0 not logged, first at \S+, last at \S+; none since \(2000 in all since \S+\)$/);
    assert.deepEqual(node1.node.packetRefusals(), { badPackets: { 'auth-failed': 2000 }, membership: {}, unlogged: { 'auth-failed': 1995 } });
    await node1.node.halt();
  });

  it('makes a hostile sender name harmless in a log line', async () => {
    const c = makeCluster(['node1', 'node2']);
    const node1 = c.nodes[0]!;
    await node1.node.start();
    const rogue = c.network.attach('node2', 'eth0', { loopback: false });
    await rogue.open();
    const name = `evil\nERROR: node node1: is dead${'x'.repeat(5000)}`;
    await rogue.send(wrongKey.sealUdp(HaMessage.fromStrings([['t', 'status'], ['src', name], ['seq', '1']]), { innerAuth: false }));
    c.clock.advance(5);
    const line = node1.lines().find((l) => l.includes('netstring authentication failed'));
    assert.ok(line !== undefined);
    assert.ok(!line.includes('\n'), 'no second line can be forged');
    assert.ok(line.includes('s=[evil\\x0aERROR: node node1: is deadxxx'), line.slice(0, 120));
    assert.ok(line.length < 400, `${line.length} characters`);
    await node1.node.halt();
  });

  it('limits the lines of replayed packets of an old generation the same way', async () => {
    const c = makeCluster(['node1', 'node2']);
    const [node1, node2] = c.nodes as [(typeof c.nodes)[0], (typeof c.nodes)[0]];
    const tap = c.network.attach('tap', 'eth0', { loopback: false });
    await tap.open();
    const captured: Uint8Array[] = [];
    tap.onFrame((frame) => {
      const decoded = decodeMessage(frame);
      if (decoded.ok && decoded.message.get('src') === 'node2' && decoded.message.get('t') === 'status') captured.push(frame);
    });
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(6500);
    const oldGeneration = captured.splice(0);
    assert.ok(oldGeneration.length > 0);
    await node2.node.halt();
    const again = c.build('node2', 0x200);
    await again.node.start();
    c.clock.advance(3000);
    await settle();
    assert.equal(node1.node.status().nodes[1]?.status, 'active', 'node1 sees the restarted node2');

    const rogue = c.network.attach('rogue', 'eth0', { loopback: false });
    await rogue.open();
    for (let i = 0; i < 1000; i++) await rogue.send(oldGeneration[i % oldGeneration.length]!);
    c.clock.advance(5);
    const replays = node1.lines().filter((l) => l.includes('attempted replay attack [node2]'));
    assert.equal(replays.length, 5);
    assert.equal(node1.node.packetRefusals().membership['old-generation'], 1000);
    assert.equal(node1.node.status().nodes[1]?.status, 'active', 'the replays change nothing');

    // Stopping writes the summary still owed, before the last line.
    const stopping = node1.node.stop();
    for (let i = 0; i < 40; i++) {
      c.clock.advance(100);
      await settle();
    }
    await stopping;
    const lines = node1.lines();
    const summary = lines.findIndex((l) => /^WARN: refused packets: 995 more old-generation from \[node2\] not logged/.test(l));
    assert.ok(summary >= 0, lines.slice(-8).join('\n'));
    assert.ok(summary < lines.indexOf('info: node1 Heartbeat shutdown complete.'));
  });
});
