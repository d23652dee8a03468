import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeMember, peerMessage, peerStatus, uuidFor } from './harness.js';
import { HaMessage } from '../../src/wire/HaMessage.js';

const hg2 = 0x6b07756d;

function rexmitRequests(h: ReturnType<typeof makeMember>): string[] {
  return h.sentOfType('NS_rexmit').map((s) => `${s.atMs}:${s.msg.get('firstseq')}-${s.msg.get('lastseq')}`);
}

describe('gaps and retransmission requests (should_drop_message, hb_rexmit.c)', () => {
  it('logs the gap, asks after 50 + r*200 ms with decimal seqs, then every 250 ms until it arrives', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.5 });
    h.m.start();
    h.clock.advanceTo(1000);
    h.m.receive(peerStatus('node2', 9, hg2, 'up'), 'eth0');
    h.m.receive(peerStatus('node2', 12, hg2, 'up'), 'eth0');
    assert.ok(h.lines().includes('WARN: 2 lost packet(s) for [node2] [9:12]'));
    assert.deepEqual(h.m.pendingRexmits('node2'), [10, 11]);
    h.clock.advanceTo(1149);
    assert.deepEqual(rexmitRequests(h), []);
    h.clock.advanceTo(1150); // 50 + round(0.5 * 200)
    assert.deepEqual(rexmitRequests(h), ['1150:10-10', '1150:11-11']);
    const req = h.sentOfType('NS_rexmit')[0]!.msg;
    assert.deepEqual(
      req.fields.slice(0, 4).map((f) => f.name),
      ['t', 'dest', 'firstseq', 'lastseq'],
    );
    h.clock.advanceTo(1400);
    assert.deepEqual(rexmitRequests(h).slice(2), ['1400:10-10', '1400:11-11']);
    h.m.receive(peerStatus('node2', 10, hg2, 'up'), 'eth0');
    h.clock.advanceTo(1650);
    assert.deepEqual(rexmitRequests(h).slice(4), ['1650:11-11']);
    h.m.receive(peerStatus('node2', 11, hg2, 'up'), 'eth0');
    assert.ok(h.lines().includes('info: No pkts missing from node2!'));
    h.clock.advanceTo(3000);
    assert.equal(rexmitRequests(h).length, 5);
  });

  it('does not ask a node that is not up or active', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'init'), 'eth0');
    h.m.receive(peerStatus('node2', 3, hg2, 'init'), 'eth0');
    h.clock.advanceTo(1000);
    assert.deepEqual(rexmitRequests(h), []);
  });

  it('treats a NAK as the packet being recovered: Irretrievably lost packet', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    h.m.receive(peerStatus('node2', 3, hg2, 'up'), 'eth0');
    const nak = peerMessage(
      [
        ['t', 'NS_nak_rexmit'],
        ['firstseq', '2'],
        ['dest', 'node1'],
        ['info', 'seqno too low'],
      ],
      { src: 'node2', hg: hg2 },
    );
    h.m.receive(nak, 'eth0');
    assert.ok(h.lines().includes('ERROR: Irretrievably lost packet: node node2 seq 2'));
    assert.ok(h.lines().includes('info: No pkts missing from node2!'));
    assert.deepEqual(h.m.pendingRexmits('node2'), []);
  });

  it('restarts tracking when more than 250 packets are missing', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    h.m.receive(peerStatus('node2', 253, hg2, 'up'), 'eth0');
    assert.ok(h.lines().includes('WARN: 251 lost packet(s) for [node2] [1:253]'));
    assert.ok(h.lines().includes('ERROR: lost a lot of packets!'));
    assert.deepEqual(h.m.pendingRexmits('node2'), []);
    h.m.receive(peerStatus('node2', 254, hg2, 'up'), 'eth0');
    assert.equal(h.lines().filter((l) => l.includes('lost packet(s)')).length, 1);
  });
});

describe('answering NS_rexmit from the 500-message history (process_rexmit)', () => {
  function rexmitFrom(first: number, last: number): HaMessage {
    return peerMessage(
      [
        ['t', 'NS_rexmit'],
        ['dest', 'node1'],
        ['firstseq', String(first)],
        ['lastseq', String(last)],
      ],
      { src: 'node2', hg: hg2, destUuid: uuidFor('node1') },
    );
  }

  it('re-sends the stored message unchanged, at most once per 240 ms', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    const original = h.sentOfType('status')[1]!.msg;
    const before = h.sent.length;
    h.m.receive(rexmitFrom(2, 2), 'eth0');
    assert.equal(h.sent.length, before + 1);
    assert.equal(h.sent.at(-1)!.msg, original, 'the very message stored, same seq and ts');
    h.clock.advance(239);
    h.m.receive(rexmitFrom(2, 2), 'eth0');
    assert.equal(h.sent.length, before + 1);
    h.clock.advance(1);
    h.m.receive(rexmitFrom(2, 2), 'eth0');
    assert.equal(h.sent.at(-1)!.msg, original);
  });

  it('skips what the requester acknowledged, warns above hiseq, sends at most 50', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.99 });
    h.m.start();
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    h.clock.advance(60_000); // 60 more statuses and then some
    const hiseq = h.m.lastSeq;
    h.m.receive(
      peerMessage(
        [
          ['t', 'NS_ackmsg'],
          ['dest', 'node1'],
          ['ackseq', '5'],
        ],
        { src: 'node2', hg: hg2 },
      ),
      'eth0',
    );
    const before = h.sent.length;
    h.m.receive(rexmitFrom(1, 5), 'eth0');
    assert.equal(h.sent.length, before, 'acknowledged seqs are not re-sent');
    h.m.receive(rexmitFrom(hiseq + 1, hiseq + 1), 'eth0');
    assert.ok(h.lines().includes(`WARN: Rexmit of seq ${hiseq + 1} requested. ${hiseq} is max.`));
    h.m.receive(rexmitFrom(6, 70), 'eth0');
    const resent = h.sent.slice(before).map((s) => Number.parseInt(s.msg.get('seq') ?? '0', 16));
    assert.equal(resent.length, 50);
    assert.deepEqual(resent.slice(0, 3), [6, 7, 8]);
  });

  it('NAKs a seq the history no longer holds: seqno too low', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], keepaliveMs: 100, deadtimeMs: 1000000, initdeadMs: 1000000 });
    h.m.start();
    h.clock.advance(100 * 510); // > 500 messages: the ring has let go of the first ones
    h.m.receive(peerStatus('node2', 1, hg2, 'up'), 'eth0');
    h.m.receive(rexmitFrom(3, 3), 'eth0');
    assert.ok(h.lines().includes('ERROR: Cannot rexmit pkt 3 for node2: seqno too low'));
    const nak = h.sentOfType('NS_nak_rexmit').at(-1)!.msg;
    assert.deepEqual(
      nak.fields.slice(0, 5).map((f) => (f.type === 'string' ? `${f.name}=${f.value}` : f.name)),
      ['t=NS_nak_rexmit', 'firstseq=3', 'dest=node2', 'info=seqno too low', 'destuuid'],
    );
  });
});
