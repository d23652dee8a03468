import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeMember, peerMessage, peerStatus, uuidFor } from './harness.js';

const hg2 = 0x10;

describe('generations, restarts, replays and addressing (should_drop_message)', () => {
  it('drops a message from an older generation as a replay', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    h.m.receive(peerStatus('node2', 2, hg2 - 1, 'active'), 'eth0');
    assert.ok(h.lines().includes('ERROR: should_drop_message: attempted replay attack [node2]? [gen = 15, curgen = 16]'));
    assert.equal(h.m.snapshot().nodes[1]?.status, 'up');
    const noHg = peerStatus('node2', 2, hg2, 'active');
    noHg.remove('hg');
    h.m.receive(noHg, 'eth0');
    assert.ok(h.lines().includes('ERROR: should_drop_message: attempted replay attack [node2]? [gen = 0, curgen = 16]'));
  });

  it('detects a restart from a higher generation and starts tracking afresh', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    const restarts: string[] = [];
    h.m.on((e) => e.kind === 'node-restart' && restarts.push(e.node));
    h.m.start();
    for (let seq = 1; seq <= 5; seq++) h.m.receive(peerStatus('node2', seq, hg2, 'active'), 'eth0');
    h.m.receive(peerStatus('node2', 1, hg2 + 1, 'init'), 'eth0');
    assert.ok(h.lines().includes('info: Heartbeat restart on node node2'));
    assert.ok(h.lines().includes('info: Status update for node node2: status init'));
    assert.ok(!h.lines().some((l) => l.includes('lost packet')));
    assert.deepEqual(restarts, ['node2']);
    h.m.receive(peerStatus('node2', 2, hg2 + 1, 'up'), 'eth0');
    assert.equal(h.m.snapshot().nodes[1]?.status, 'up');
  });

  it('reports a partition heal when a dead node speaks again with the same generation', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    const healed: string[] = [];
    h.m.on((e) => e.kind === 'partition-healed' && healed.push(e.node));
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'active'), 'eth0');
    h.clock.advance(6000);
    assert.ok(h.lines().includes('WARN: node node2: is dead'));
    h.m.receive(peerStatus('node2', 9, hg2, 'active'), 'eth0');
    const lines = h.lines();
    const crit = lines.indexOf('CRIT: Cluster node node2 returning after partition.');
    assert.ok(crit >= 0);
    assert.equal(lines[crit + 2], 'WARN: Deadtime value may be too small.');
    assert.deepEqual(healed, ['node2']);
    assert.equal(h.m.snapshot().nodes[1]?.status, 'active');
  });

  it('reports a partition heal when a late heartbeat (> deadtime) marks a peer dead that its announced dt kept alive', () => {
    // A peer in its first 5 s announces deadtime + 2 s: a 6 s silence is no timeout, only a late
    // heartbeat. heartbeat 3.0.6 marks it dead there (takeover) and never sees a healed partition;
    // Heartline reports one, once, so the node restarts instead of keeping both holders.
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    const events: string[] = [];
    h.m.on((e) => (e.kind === 'partition-healed' || e.kind === 'node-dead') && events.push(`${e.kind} ${e.node}`));
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'active', 7000), 'eth0');
    h.clock.advance(6000);
    assert.ok(!h.lines().includes('WARN: node node2: is dead'), 'no timeout within the announced dt');
    h.m.receive(peerStatus('node2', 2, hg2, 'active', 7000), 'eth0');
    const lines = h.lines();
    const late = lines.indexOf('CRIT: Late heartbeat: Node node2: interval 6000 ms (> deadtime)');
    const dead = lines.indexOf('WARN: node node2: is dead');
    const back = lines.indexOf('CRIT: Cluster node node2 returning after partition.');
    assert.ok(late >= 0 && dead > late && back > dead, lines.join('\n'));
    assert.deepEqual(events, ['node-dead node2', 'partition-healed node2']);
    assert.equal(h.m.snapshot().nodes[1]?.status, 'active');
    // The next status is on time: nothing more.
    h.clock.advance(1000);
    h.m.receive(peerStatus('node2', 3, hg2, 'active', 7000), 'eth0');
    assert.deepEqual(events, ['node-dead node2', 'partition-healed node2']);
  });

  it('rejects packets from nodes not in ha.cf (autojoin none)', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('intruder', 1, hg2), 'eth0');
    assert.ok(h.lines().includes('ERROR: process_status_message: bad node [intruder] in message'));
  });

  it('drops messages addressed by destuuid to someone else, even if dest names us', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2', 'node3'] });
    const seen: string[] = [];
    h.m.on((e) => e.kind === 'message' && !e.fromSelf && seen.push(e.message.get('t') ?? ''));
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    const other = peerMessage([['dest', 'node1'], ['t', 'hello']], { src: 'node2', seq: 2, hg: hg2, destUuid: uuidFor('node3') });
    h.m.receive(other, 'eth0');
    const ours = peerMessage([['dest', 'node1'], ['t', 'hello2']], { src: 'node2', seq: 3, hg: hg2, destUuid: uuidFor('node1') });
    h.m.receive(ours, 'eth0');
    assert.deepEqual(seen, ['status', 'hello2']);
    assert.ok(!h.lines().some((l) => l.includes('lost packet')), 'the foreign message still counted for sequencing');
  });

  it('drops messages with ts 0 silently and without ts loudly', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 5000, { ts: 0 }), 'eth0');
    assert.equal(h.m.snapshot().nodes[1]?.status, 'init');
    const noTs = peerStatus('node2', 1, hg2, 'up');
    noTs.remove('ts');
    h.m.receive(noTs, 'eth0');
    assert.ok(h.lines().includes('ERROR: process_clustermsg: missing from/ts/type: iface eth0, from node2'));
  });

  it('learns uuids from srcuuid and addresses peers by destuuid', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    const reqnodes = h.sentOfType('reqnodes')[0]!.msg;
    assert.deepEqual(reqnodes.getBinary('destuuid'), uuidFor('node2'));
    assert.deepEqual(
      reqnodes.fields.slice(0, 4).map((f) => f.name),
      ['t', 'dest', 'destuuid', 'src'],
    );
  });
});
