import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { fieldsOf, makeMember } from './harness.js';

describe('membership start-up (master_control_process)', () => {
  it('sends init, up, up back to back with the boosted dt, in heartbeat field order', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    const statuses = h.sentOfType('status');
    assert.equal(statuses.length, 3);
    assert.deepEqual(
      statuses.map((s) => [s.atMs, s.msg.get('st'), s.msg.get('seq'), s.msg.get('dt')]),
      [
        [0, 'init', '1', '1b58'],
        [0, 'up', '2', '1b58'],
        [0, 'up', '3', '1b58'],
      ],
    );
    const ts = Math.floor(Date.UTC(2026, 10, 25, 23, 55, 19) / 1000).toString(16);
    assert.deepEqual(fieldsOf(statuses[0]!.msg), [
      't=status',
      'st=init',
      'dt=1b58',
      'protocol=1',
      'src=node1',
      '(1)srcuuid=<16 bytes>',
      'seq=1',
      'hg=6b077568',
      `ts=${ts}`,
      'ld=0.23 0.17 0.07 4/95 22',
      'ttl=3',
    ]);
    assert.ok(h.lines().includes("info: Local status now set to: 'up'"));
    assert.equal(h.m.localStatus, 'up');
  });

  it('sends a status every keepalive and drops dt back to deadtime at exactly 5 s', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    h.clock.advance(5000);
    const statuses = h.sentOfType('status').slice(3);
    // keepalive ticks at 1000..5000; the 5 s pop (scheduled first) sends dt=1388 just before the 5000 tick.
    assert.deepEqual(
      statuses.map((s) => [s.atMs, s.msg.get('dt')]),
      [
        [1000, '1b58'],
        [2000, '1b58'],
        [3000, '1b58'],
        [4000, '1b58'],
        [5000, '1388'],
        [5000, '1388'],
      ],
    );
  });

  it('acknowledges its own looped-back messages before they reach the wire (reordering)', () => {
    // random() = 0.65 gives every node ack_trigger 6, as node1 had in 01-startup-join-sha1.
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], random: () => 0.65 });
    h.m.start();
    h.clock.advance(3000);
    const wire = h.sent.map((s) => `${s.msg.get('t')}:${s.msg.get('seq') ?? s.msg.get('ackseq')}`);
    assert.deepEqual(wire.slice(0, 7), ['status:1', 'status:2', 'status:3', 'status:4', 'status:5', 'NS_ackmsg:6', 'status:6']);
    const ack = h.sentOfType('NS_ackmsg')[0]!.msg;
    assert.deepEqual(fieldsOf(ack).slice(0, 6), ['t=NS_ackmsg', 'dest=node1', 'ackseq=6', '(1)destuuid=<16 bytes>', 'src=node1', '(1)srcuuid=<16 bytes>']);
    assert.equal(ack.get('seq'), undefined, 'NS_ messages carry no seq');
    assert.equal(ack.get('ld'), undefined, 'NS_ messages carry no ld');
  });

  it('puts a message sent while its own previous one is processed on the wire after it, seqs in order', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] });
    h.m.start();
    // The layers above answer our own looped-back messages (a resource message, our status at
    // comm-up) from inside its processing; heartbeat's FIFO sends that answer after the message.
    h.m.on((event) => {
      if (event.kind === 'message' && event.fromSelf && event.message.get('t') === 'probe') h.m.send(HaMessage.fromStrings([['t', 'answer']]));
    });
    h.m.send(HaMessage.fromStrings([['t', 'probe']]));
    const wire = h.sent.filter((s) => s.msg.get('seq') !== undefined).map((s) => `${s.msg.get('t')}:${s.msg.get('seq')}`);
    assert.deepEqual(wire.slice(-2), ['probe:4', 'answer:5']);
  });

  it('refuses a local node that is not configured', () => {
    assert.throws(() => makeMember({ localNode: 'node9', nodes: ['node1', 'node2'] }), /node9/);
  });
});
