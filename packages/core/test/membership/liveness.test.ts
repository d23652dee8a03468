import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeMember, peerStatus } from './harness.js';

const hg2 = 0x6b07756d;

function atMsOf(h: ReturnType<typeof makeMember>, line: string): number | undefined {
  const record = h.sink.records.find((r) => r.message === line);
  return record === undefined ? undefined : record.time.getTime() - Date.UTC(2026, 10, 25, 23, 55, 19);
}

describe('liveness (check_for_timeouts at the deadline and every 250 ms)', () => {
  it('declares a peer dead the first millisecond after its announced dt since its last status', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    let seq = 1;
    for (const at of [300, 1300]) {
      h.clock.advanceTo(at);
      h.m.receive(peerStatus('node2', seq++, hg2, 'up', 3000), 'eth0');
    }
    assert.ok(h.lines().includes('info: Link node2:eth0 up.'));
    // Last status at 1300 with dt 3000 (not our deadtime of 5000): dead once now - 1300 > 3000.
    h.clock.advanceTo(4300);
    assert.ok(!h.lines().includes('WARN: node node2: is dead'), 'exactly dt is not yet dead');
    h.clock.advanceTo(4301);
    assert.equal(atMsOf(h, 'node node2: is dead'), 4301);
    assert.equal(atMsOf(h, 'Link node2:eth0 dead.'), 4301);
    const dead = h.m.snapshot().nodes.find((n) => n.name === 'node2');
    assert.equal(dead?.status, 'dead');
    assert.deepEqual(dead?.links, [{ name: 'eth0', status: 'dead' }]);
  });

  it('is not dead at exactly dt (heartbeat needs the interval to exceed it)', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advanceTo(1000);
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 5000), 'eth0');
    h.clock.advanceTo(6000); // also a 250 ms poll tick
    assert.ok(!h.lines().includes('WARN: node node2: is dead'));
    h.clock.advanceTo(6001);
    assert.equal(atMsOf(h, 'node node2: is dead'), 6001);
  });

  it('uses initdead before comm-up, then goes active alone', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    const events: string[] = [];
    h.m.on((e) => {
      if (e.kind !== 'message') events.push(e.kind === 'node-status' ? `${e.kind}:${e.node}:${e.status}` : e.kind);
    });
    h.m.start();
    h.clock.advanceTo(12000);
    assert.ok(!h.lines().includes('WARN: node node2: is dead'), 'initdead 12 s not yet exceeded at 12000');
    h.clock.advanceTo(12001);
    assert.equal(atMsOf(h, 'node node2: is dead'), 12001);
    assert.equal(atMsOf(h, 'Comm_now_up(): updating status to active'), 12001);
    assert.equal(h.m.localStatus, 'active');
    assert.equal(h.sentOfType('reqnodes').length, 0, 'no live peer to ask');
    assert.deepEqual(events, ['local-status', 'node-status:node2:dead', 'node-dead', 'local-status', 'comm-up']);
    const lines = h.lines();
    const i = lines.indexOf('info: Comm_now_up(): updating status to active');
    assert.equal(lines[i + 1], "info: Local status now set to: 'active'");
  });

  it('warns about late heartbeats above warntime and marks dead above deadtime', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advanceTo(100);
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 0xffff), 'eth0');
    h.clock.advanceTo(3100);
    h.m.receive(peerStatus('node2', 2, hg2, 'up', 0xffff), 'eth0');
    assert.ok(h.lines().includes('WARN: Late heartbeat: Node node2: interval 3000 ms'));
    h.clock.advanceTo(8200);
    h.m.receive(peerStatus('node2', 3, hg2, 'up', 0xffff), 'eth0');
    const lines = h.lines();
    const crit = lines.indexOf('CRIT: Late heartbeat: Node node2: interval 5100 ms (> deadtime)');
    assert.ok(crit >= 0);
    assert.equal(lines[crit + 1], 'WARN: node node2: is dead');
  });

  it('keeps a node alive only through status messages, a link through any packet', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advanceTo(500);
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 2000), 'eth0');
    // Other traffic keeps flowing but no status: the node dies, its link only when traffic stops too.
    for (let at = 1000, seq = 2; at <= 2600; at += 400, seq++) {
      h.clock.advanceTo(at);
      const msg = peerStatus('node2', seq, hg2);
      msg.setString('t', 'starting').remove('st').remove('dt').remove('protocol');
      h.m.receive(msg, 'eth0');
    }
    h.clock.advanceTo(2750);
    assert.equal(atMsOf(h, 'node node2: is dead'), 2501);
    assert.equal(atMsOf(h, 'Link node2:eth0 dead.'), undefined);
  });

  it('reports a missing local heartbeat (our own status did not loop back in time)', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    const events: string[] = [];
    h.m.on((e) => e.kind === 'local-heartbeat-lost' && events.push(e.kind));
    h.m.start();
    h.clock.advanceTo(500);
    h.m.local().localLastUpdateMs = -10_000; // as if the loop had stalled past our deadtime
    h.clock.advanceTo(750);
    const lines = h.lines();
    const dead = lines.indexOf('WARN: node node1: is dead');
    assert.ok(dead >= 0);
    assert.equal(lines[dead + 1], 'ERROR: No local heartbeat. Forcing restart.');
    assert.deepEqual(events, ['local-heartbeat-lost']);
    assert.equal(h.m.localStatus, 'up', 'we never mark ourselves dead');
  });
});
