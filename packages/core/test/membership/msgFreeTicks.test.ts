import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MsgFreeTicks } from '../../src/membership/MsgFreeTicks.js';
import { SendHistory } from '../../src/membership/SendHistory.js';
import { HaMessage } from '../../src/wire/HaMessage.js';

const message = HaMessage.fromStrings([['t', 'status']]);

type Step = { kind: 'send' } | { kind: 'ticks'; n: number } | { kind: 'ack'; back: number };

/** What a history shows: everything updateAckseq and the rexmit responder read. */
function view(h: SendHistory): string {
  return `${h.hiseq}/${h.lowseq}/${h.ackseq}/${h.size}`;
}

describe('msgfree ticks without a timer', () => {
  it('rotateFreeCountTo(n) leaves the history as n single ticks would, whatever came between', () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant<Step>({ kind: 'send' }),
      fc.integer({ min: 0, max: 12 }).map<Step>((n) => ({ kind: 'ticks', n })),
      fc.integer({ min: 0, max: 6 }).map<Step>((back) => ({ kind: 'ack', back })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const timed = new SendHistory();
        const lazy = new SendHistory();
        let seq = 0;
        let ticks = 0;
        for (const s of steps) {
          if (s.kind === 'send') {
            lazy.rotateFreeCountTo(ticks);
            seq++;
            timed.add(seq, message);
            lazy.add(seq, message);
          } else if (s.kind === 'ticks') {
            for (let i = 0; i < s.n; i++) timed.rotateFreeCount();
            ticks += s.n;
          } else {
            lazy.rotateFreeCountTo(ticks);
            timed.updateAckseq(Math.max(0, seq - s.back), 0);
            lazy.updateAckseq(Math.max(0, seq - s.back), 0);
          }
          if (s.kind !== 'ticks') assert.equal(view(lazy), view(timed));
        }
      }),
    );
  });

  it('counts a tick due this millisecond, except inside the timers armed before it', () => {
    const seen: number[] = [];
    const history = { rotateFreeCountTo: (due: number) => seen.push(due) } as unknown as SendHistory;
    const ticks = new MsgFreeTicks();
    ticks.catchUp(history, 1000);
    assert.deepEqual(seen, [], 'not started');
    ticks.start(100);
    ticks.catchUp(history, 1099);
    ticks.catchUp(history, 1100);
    ticks.beforeTick(() => ticks.catchUp(history, 1100));
    ticks.beforeTick(() => ticks.catchUp(history, 1101));
    assert.deepEqual(seen, [1, 2, 1, 2]);
    ticks.stop();
    ticks.catchUp(history, 5000);
    assert.deepEqual(seen, [1, 2, 1, 2]);
  });
});
