import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HaMessage } from '../../src/wire/HaMessage.js';
import type { HaField } from '../../src/wire/HaField.js';
import { makeMember } from './harness.js';

const text = fc.oneof(
  fc.constantFrom('', '0', '1', 'a', 'ff', '-1', '0x10', '7fffffff', 'ffffffffffff', ' 12', 'zz', 'node1', 'node2', 'node3'),
  fc.nat().map((n) => n.toString(16)),
  fc.string({ maxLength: 8 }),
);
const field: fc.Arbitrary<HaField> = fc.oneof(
  fc.record({
    name: fc.constantFrom('t', 'st', 'src', 'dest', 'seq', 'hg', 'ts', 'dt', 'protocol', 'ackseq', 'firstseq', 'lastseq', 'nodelist', 'delnodelist', 'info'),
    type: fc.constant('string' as const),
    value: text,
  }),
  fc.record({
    name: fc.constantFrom('srcuuid', 'destuuid', 'seq'),
    type: fc.constant('binary' as const),
    value: fc.uint8Array({ maxLength: 20 }),
  }),
);
const typeField = fc.constantFrom('status', 'NS_ackmsg', 'NS_rexmit', 'NS_nak_rexmit', 'reqnodes', 'repnodes', 'shutdone', 'resource', 'NS_st', 'x');

describe('membership never throws on hostile or broken messages', () => {
  it('survives random message sequences mixed with time passing', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(typeField, fc.array(field, { maxLength: 8 }), fc.nat(40), fc.constantFrom('node2', 'node3'), fc.nat(1500)), { maxLength: 40 }),
        (script) => {
          const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2', 'node3'], random: () => 0.3 });
          h.m.start();
          for (const [t, fields, seq, src, waitMs] of script) {
            // Random fields first (lookups take the first of a name), then a plausible remainder.
            const msg = new HaMessage([{ name: 't', type: 'string', value: t }, ...fields]);
            msg.addString('src', src).addString('seq', seq.toString(16)).addString('hg', '1').addString('ts', '1').addString('st', 'up');
            h.m.receive(msg, 'eth0');
            h.clock.advance(waitMs);
          }
          const snapshot = h.m.snapshot();
          assert.ok(snapshot.nodes.some((n) => n.name === 'node1'));
          assert.ok(h.m.flags.liveNodeCount >= 0 && h.m.flags.liveNodeCount <= snapshot.nodes.length + 1);
          accepted += h.lines().filter((l) => l.includes('Status update for node')).length;
          h.m.halt();
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    assert.ok(accepted > 50, `only ${accepted} status changes were accepted: the messages were too broken to reach the logic`);
  });
});
