import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WireAuth } from '../../src/auth/WireAuth.js';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import type { DecodeResult } from '../../src/wire/DecodeResult.js';
import { encodeClassic } from '../../src/wire/encodeClassic.js';
import { encodeNetstring } from '../../src/wire/encodeNetstring.js';
import type { HaField } from '../../src/wire/HaField.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { readPcap } from '../../src/wire/pcap/readPcap.js';
import { parseUdpFrame } from '../../src/wire/pcap/parseUdpFrame.js';
import { pcapNames, splitStream, vectorFile, vectorsSkipReason } from './vectors.js';

// ≥ 100k inputs in all: 60k random, 60k random behind a valid start marker, 80k mutated vectors,
// 20k generated messages (each encoded both ways and sealed).
const auth = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key: 'hbl-lab-test-key' }]]) });
const reasons = new Set(['truncated', 'too-large', 'bad-prefix', 'bad-length', 'bad-nesting', 'invalid-utf8', 'missing-end', 'bad-field', 'bad-type', 'bad-value', 'bad-list', 'bad-trailer', 'trailing-bytes']);

/** Everything a decoded message holds, in bytes: it can never exceed the input's size. */
function decodedSize(msg: HaMessage): number {
  let size = 0;
  for (const f of msg.fields) {
    size += f.name.length + 1;
    if (f.type === 'struct') size += decodedSize(f.value);
    else if (f.type === 'list') size += f.value.reduce((n, s) => n + s.length + 1, 0);
    else size += f.value.length;
  }
  return size;
}

/** Decoding never throws, fails with a known reason, stays within the input's size, and re-encodes stably. */
function checkDecode(input: Uint8Array): DecodeResult {
  const result = decodeMessage(input);
  if (!result.ok) {
    assert.ok(reasons.has(result.reason), result.reason);
    return result;
  }
  assert.ok(decodedSize(result.message) <= input.length);
  const again = decodeMessage(result.format === 'netstring' ? encodeNetstring(result.message) : encodeClassic(result.message));
  assert.ok(again.ok, again.ok ? '' : again.detail);
  assert.deepEqual(again.message, result.message);
  const opened = auth.open(input);
  assert.equal(typeof opened.ok, 'boolean');
  return result;
}

test('random bytes never make the decoder throw', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void checkDecode(bytes)), { numRuns: 60_000 });
});

test('random bytes behind a valid start marker never make the decoder throw', () => {
  const marker = fc.constantFrom('###\n', '>>>\n', '###\n5:(0)t=a,', '>>>\nt=a\n', '###\n18:(2)s=###\n6:(0)x=1,');
  const tail = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => Buffer.from(s, 'latin1')));
  fc.assert(
    fc.property(marker, tail, (m, t) => void checkDecode(Buffer.concat([Buffer.from(m, 'latin1'), t]))),
    { numRuns: 60_000 },
  );
});

function seedPackets(): Buffer[] {
  const seeds: Buffer[] = [Buffer.from('###\n18:(3)L=3:abc,4:defg,,22:(2)S=###\n6:(0)x=1,%%%\n,%%%\n', 'latin1'), Buffer.from('>>>\n(3)L=3:abc,4:defg,\n(2)S=>>>\x14x=1\x14<<<\x14\n<<<\n', 'latin1')];
  if (vectorsSkipReason() !== false) return seeds;
  for (const name of pcapNames()) {
    for (const record of readPcap(vectorFile(`${name}.pcap`)).slice(0, 40)) {
      const udp = parseUdpFrame(record);
      if (udp?.dstPort === 694) seeds.push(Buffer.from(udp.payload));
    }
  }
  for (const f of ['20-serial-2node.tty1-to-tty2.bin', '20-serial-2node.tty2-to-tty1.bin']) seeds.push(...splitStream(vectorFile(f)).slice(0, 20).map((s) => Buffer.from(s.bytes)));
  return seeds;
}

type Mutation = { kind: 'flip' | 'set' | 'insert' | 'delete' | 'truncate' | 'duplicate'; at: number; byte: number; span: number };

function mutate(seed: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    switch (m.kind) {
      case 'flip':
        if (b.length > 0) b[at] = b[at]! ^ (1 << (m.byte % 8));
        break;
      case 'set':
        if (b.length > 0) b[at] = m.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (m.span % 4))]);
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'duplicate':
        b = Buffer.concat([b.subarray(0, at + m.span), b.subarray(at)]);
        break;
    }
  }
  return b;
}

test('mutated heartbeat packets never make the decoder or WireAuth.open throw', () => {
  const seeds = seedPackets();
  const mutation = fc.record({
    kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate', 'duplicate'),
    at: fc.nat(),
    byte: fc.constantFrom(0, 0x0a, 0x13, 0x14, 0x23, 0x25, 0x28, 0x2c, 0x30, 0x39, 0x3a, 0x3c, 0x3d, 0x3e, 0x80, 0xff, 0x41),
    span: fc.nat(40),
  });
  let decodable = 0;
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
      if (checkDecode(mutate(seeds[i]!, ms)).ok) decodable++;
    }),
    { numRuns: 80_000 },
  );
  assert.ok(decodable > 1000, `mutations should often stay decodable (got ${decodable})`);
});

// Generated messages: any field type, structs up to 3 deep. Characters the classic form cannot
// carry (NUL, its newline escapes) are left out so one message fits both formats.
// eslint-disable-next-line no-control-regex -- control bytes are exactly what is being removed
const text = (minLength: number) => fc.string({ unit: 'binary', minLength, maxLength: 12 }).map((s) => s.replace(/[\0\x0f-\x1f]/g, ''));
const name = text(1).map((s) => s.replaceAll('=', '').replaceAll('\n', '')).map((s) => (s === '' || s.startsWith('(') || s.startsWith('>>>') ? `n${s}` : s));
const message: (depth: number) => fc.Arbitrary<HaMessage> = fc.memo((depth) => {
  const leaf: fc.Arbitrary<HaField>[] = [
    fc.record({ name, type: fc.constant('string' as const), value: fc.oneof(text(0), text(0).map((s) => `${s}\n${s}`)) }),
    fc.record({ name, type: fc.constant('binary' as const), value: fc.uint8Array({ maxLength: 40 }).map((u) => new Uint8Array(u)) }),
    fc.record({ name, type: fc.constant('compressed' as const), value: fc.uint8Array({ maxLength: 20 }).map((u) => new Uint8Array(u)) }),
    fc.record({ name, type: fc.constant('list' as const), value: fc.array(text(1).map((s) => s.replaceAll('\n', '')).filter((s) => s.length > 0), { minLength: 1, maxLength: 4 }) }),
  ];
  const field = depth <= 1 ? fc.oneof(...leaf) : fc.oneof(...leaf, fc.record({ name, type: fc.constant('struct' as const), value: message(depth - 1) }));
  // fc.record builds null-prototype objects; the decoder builds plain ones.
  return fc.array(field, { maxLength: 6 }).map((fields) => new HaMessage(fields.map((f) => ({ ...f }))));
});

test('decode ∘ encode is the identity on generated messages, in both formats and sealed', () => {
  fc.assert(
    fc.property(message(4), (msg) => {
      for (const encoded of [encodeNetstring(msg), encodeClassic(msg)]) {
        const back = decodeMessage(encoded);
        assert.ok(back.ok, back.ok ? '' : `${back.reason}: ${back.detail}`);
        assert.deepEqual(back.message, msg);
      }
      const opened = auth.open(auth.sealUdp(msg, { innerAuth: true }));
      assert.ok(opened.ok, opened.ok ? '' : opened.detail);
      assert.deepEqual(opened.message.clone().remove('auth'), msg.clone().remove('auth'));
      const openedClassic = auth.open(auth.sealClassic(msg));
      assert.ok(openedClassic.ok, openedClassic.ok ? '' : openedClassic.detail);
    }),
    { numRuns: 20_000 },
  );
});
