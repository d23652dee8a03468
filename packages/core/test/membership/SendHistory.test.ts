import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SendHistory } from '../../src/membership/SendHistory.js';
import { HaMessage } from '../../src/wire/HaMessage.js';

const msg = (seq: number) => HaMessage.fromStrings([['t', 'status'], ['seq', seq.toString(16)]]);

describe('SendHistory (msghist)', () => {
  it('keeps the last 500 and reports what fell out as lowseq', () => {
    const h = new SendHistory();
    for (let seq = 1; seq <= 503; seq++) h.add(seq, msg(seq));
    assert.equal(h.size, 500);
    assert.equal(h.lowseq, 3);
    assert.equal(h.get(3), undefined);
    assert.equal(h.get(4)?.seq, 4);
  });

  it('frees acknowledged messages only once they are ~2.5 s (five 500 ms ticks) old', () => {
    const h = new SendHistory();
    for (let seq = 1; seq <= 10; seq++) h.add(seq, msg(seq));
    h.rotateFreeCount(); // the tick that remembers hiseq 10
    for (let seq = 11; seq <= 20; seq++) h.add(seq, msg(seq));
    h.updateAckseq(20, 0);
    assert.equal(h.ackseq, 20);
    // heartbeat compares the seq *before* the one it frees with the old hiseq (0 here): one goes.
    assert.equal(h.lowseq, 1, 'nothing else is old enough yet');
    for (let i = 0; i < 5; i++) h.rotateFreeCount();
    h.updateAckseq(20, 0); // not higher: no change at all
    assert.equal(h.lowseq, 1);
    for (let seq = 21; seq <= 22; seq++) h.add(seq, msg(seq));
    h.updateAckseq(22, 0);
    assert.equal(h.lowseq, 11, 'freed up to one past the hiseq of five ticks ago (10)');
    assert.equal(h.get(11), undefined);
    assert.equal(h.get(12)?.seq, 12);
  });

  it('never frees the messages of sends still in progress', () => {
    const h = new SendHistory();
    for (let seq = 1; seq <= 10; seq++) h.add(seq, msg(seq));
    for (let i = 0; i < 6; i++) h.rotateFreeCount();
    h.updateAckseq(10, 2);
    assert.equal(h.lowseq, 7, '10 - 2 in progress - 1 on the first ACK');
  });
});
