import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeMember, peerMessage, peerStatus } from './harness.js';

const hg2 = 0x6b07756d;

function acksTo(h: ReturnType<typeof makeMember>, node: string): string[] {
  return h.sentOfType('NS_ackmsg').filter((s) => s.msg.get('dest') === node).map((s) => s.msg.get('ackseq') ?? '');
}

function ackFrom(src: string, ackseq: number) {
  return peerMessage(
    [
      ['t', 'NS_ackmsg'],
      ['dest', 'node1'],
      ['ackseq', ackseq.toString(16)],
    ],
    { src, hg: hg2 },
  );
}

describe('ACKs and flow control', () => {
  it('ACKs each in-sequence seq ending in the peer ack_trigger digit, in hex', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.65 }); // trigger 6
    h.m.start();
    for (let seq = 1; seq <= 27; seq++) h.m.receive(peerStatus('node2', seq, hg2, 'up'), 'eth0');
    assert.deepEqual(acksTo(h, 'node2'), ['6', '10', '1a']);
  });

  it('holds ACKs back while an earlier seq is missing, then ACKs the highest qualifying seq', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.65 });
    h.m.start();
    for (const seq of [1, 2, 3, 4, 6, 7, 9]) h.m.receive(peerStatus('node2', seq, hg2, 'up'), 'eth0');
    assert.deepEqual(acksTo(h, 'node2'), [], 'seq 6 arrived with 5 missing');
    h.m.receive(peerStatus('node2', 5, hg2, 'up'), 'eth0');
    // 5 recovered, 8 still missing: everything up to 7 is in, and 6 is the trigger seq below it.
    assert.deepEqual(acksTo(h, 'node2'), ['6']);
  });

  it('turns flow control off for a peer whose status has no protocol field', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.65 });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up', 5000, { protocol: false }), 'eth0');
    assert.ok(h.lines().includes('info: flow control disabled due to different version heartbeat'));
    for (let seq = 2; seq <= 20; seq++) h.m.receive(peerStatus('node2', seq, hg2, 'up', 5000, { protocol: false }), 'eth0');
    assert.deepEqual(acksTo(h, 'node2'), []);
    h.clock.advance(1000);
    assert.equal(h.sentOfType('status').at(-1)!.msg.get('protocol'), undefined);
  });

  it('frees history up to the slowest live node acknowledgement', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.65 });
    h.m.start();
    for (let seq = 1; seq <= 20; seq++) {
      h.m.receive(peerStatus('node2', seq, hg2, 'up'), 'eth0');
      h.clock.advance(1000);
    }
    const hiseq = h.m.history.hiseq;
    const selfAcked = Math.floor((hiseq - 6) / 10) * 10 + 6; // our own trigger is 6 too
    h.m.receive(ackFrom('node2', 3), 'eth0');
    assert.equal(h.m.history.ackseq, 3, 'node2 (3) is behind our own ACKs');
    h.m.receive(ackFrom('node2', hiseq), 'eth0');
    assert.equal(h.m.history.ackseq, selfAcked, 'now our own self-ACK is the lowest');
    assert.equal(h.m.history.lowseq, selfAcked, 'everything acknowledged by all is freed');
    assert.equal(h.m.history.get(hiseq - 1)?.seq, hiseq - 1, 'recent messages stay for retransmission');
    h.m.receive(ackFrom('node2', hiseq + 5), 'eth0');
    assert.ok(h.lines().includes(`ERROR: HBDoMsg_T_ACK: corrupted ackseq current hiseq = ${hiseq} ackseq =${hiseq + 5} in this message`));
  });
});
