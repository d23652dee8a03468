import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeMember, peerStatus } from './harness.js';

const hg2 = 0x6b07756d;

/** Times (ms) and announced dt of our status messages sent in [fromMs, toMs). */
function statuses(h: ReturnType<typeof makeMember>, fromMs: number, toMs: number): Array<[number, number]> {
  return h
    .sentOfType('status')
    .filter((s) => s.atMs >= fromMs && s.atMs < toMs)
    .map((s) => [s.atMs, Number.parseInt(s.msg.get('dt') ?? '', 16)]);
}

describe('retime (a reload changes keepalive, deadtime, warntime)', () => {
  it('announces the new deadtime at once and sends statuses at the new keepalive from then on', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advanceTo(10_100); // past the start-up boost of dt, between two keepalives
    h.m.retime({ keepaliveMs: 400, deadtimeMs: 3000, warntimeMs: 1000 });
    assert.deepEqual(statuses(h, 10_100, 10_101), [[10_100, 3000]], 'one status right away with the new dt');
    h.clock.advanceTo(11_400);
    assert.deepEqual(
      statuses(h, 10_101, 11_400).map(([at]) => at),
      [10_500, 10_900, 11_300],
      'the keepalive interval is re-armed from the reload',
    );
    assert.equal(h.m.snapshot().nodes.find((n) => n.name === 'node1')?.deadtimeMs, 3000);
  });

  it('keeps the start-up boost while it runs, then drops to the new deadtime', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advanceTo(1100);
    h.m.retime({ keepaliveMs: 1000, deadtimeMs: 8000, warntimeMs: 4000 });
    assert.deepEqual(statuses(h, 1100, 1101), [[1100, 10_000]], 'deadtime + the 2 s boost while the first 5 s run');
    h.clock.advanceTo(5000);
    assert.equal(statuses(h, 5000, 5001).at(-1)?.[1], 8000);
  });

  it('times out a peer not heard from with the new deadtime, and a heard peer with its own dt', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2', 'node3'] });
    h.m.start();
    h.clock.advanceTo(500);
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 5000), 'eth0');
    h.m.retime({ keepaliveMs: 1000, deadtimeMs: 9000, warntimeMs: 4000 });
    const nodes = h.m.snapshot().nodes;
    assert.equal(nodes.find((n) => n.name === 'node2')?.deadtimeMs, 5000, 'node2 announced its own dt');
    assert.equal(nodes.find((n) => n.name === 'node3')?.deadtimeMs, 9000, 'node3 was never heard: ours applies');
  });

  it('warns about a late heartbeat against the new warntime', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    let seq = 1;
    h.clock.advanceTo(100);
    h.m.receive(peerStatus('node2', seq++, hg2, 'up', 5000), 'eth0');
    h.m.retime({ keepaliveMs: 200, deadtimeMs: 5000, warntimeMs: 600 });
    h.clock.advanceTo(800);
    h.m.receive(peerStatus('node2', seq++, hg2, 'up', 5000), 'eth0');
    assert.ok(h.lines().includes('WARN: Late heartbeat: Node node2: interval 700 ms'), h.lines().join('\n'));
  });

  it('after halt only remembers the timings, arming nothing', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.halt();
    const before = h.sent.length;
    h.m.retime({ keepaliveMs: 100, deadtimeMs: 2000, warntimeMs: 500 });
    h.clock.advanceTo(5000);
    assert.equal(h.sent.length, before);
    assert.equal(h.m.timings.keepaliveMs, 100);
  });
});
