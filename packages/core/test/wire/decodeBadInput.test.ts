import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import type { DecodeFailureReason } from '../../src/wire/DecodeResult.js';
import { encodeNetstring } from '../../src/wire/encodeNetstring.js';
import { encodeClassic } from '../../src/wire/encodeClassic.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { wireLimits } from '../../src/wire/wireLimits.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');

function nested(depth: number): HaMessage {
  let msg = HaMessage.fromStrings([['x', '1']]);
  for (let i = 0; i < depth; i++) msg = new HaMessage([{ name: `s${i}`, type: 'struct', value: msg }]);
  return msg;
}
// A message nested one level deeper than the encoders allow, built by hand.
const tooDeepNetstring = (() => {
  let inner = '###\n6:(0)x=1,%%%\n';
  for (let i = 0; i < wireLimits.maxDepth + 1; i++) {
    const item = `(2)s=${inner}`;
    inner = `###\n${item.length}:${item},%%%\n`;
  }
  return inner;
})();

// Keyed by reason so that a new reason in the union without a case here fails to compile.
const cases: Record<DecodeFailureReason, Array<[label: string, input: Uint8Array]>> = {
  truncated: [
    ['empty input', bytes('')],
    ['half a start marker', bytes('##')],
    ['data ends inside an item', bytes('###\n11:(0)t=stat')],
    ['length beyond the data', bytes('###\n99:(0)t=status,%%%\n')],
    ['data ends inside a length', bytes('###\n11')],
  ],
  'too-large': [['MAXMSG + 1 bytes', Buffer.concat([bytes('###\n'), Buffer.alloc(wireLimits.maxMessageBytes - 3, 0x41)])]],
  'bad-prefix': [
    ['text', bytes('hello world')],
    ['binary', Uint8Array.from([0, 1, 2, 3, 4])],
    ['classic end marker first', bytes('<<<\n')],
  ],
  'bad-length': [
    ['letters for a length', bytes('###\nx:(0)t=a,%%%\n')],
    ['no colon', bytes('###\n5;(0)t=a,%%%\n')],
    ['item not closed by a comma', bytes('###\n5:(0)t=ab%%%\n')],
    ['eight-digit length', bytes('###\n12345678:(0)t=a,%%%\n')],
    ['broken end marker', bytes('###\n%%x\n')],
  ],
  'bad-nesting': [
    ['struct that is not a message', bytes('###\n9:(2)s=junk,%%%\n')],
    ['struct with bytes after its end', bytes('###\n23:(2)s=###\n6:(0)x=1,%%%\nX,%%%\n')],
    ['struct missing its end', bytes('###\n18:(2)s=###\n6:(0)x=1,,%%%\n')],
    ['netstring nested too deep', bytes(tooDeepNetstring)],
    ['classic struct not a message', bytes('>>>\n(2)s=junk\n<<<\n')],
    ['classic struct missing its end', bytes('>>>\n(2)s=>>>\x14x=1\x14\n<<<\n')],
  ],
  'invalid-utf8': [
    ['name', bytes('###\n7:(0)\xffx=a,%%%\n')],
    ['string value', bytes('###\n7:(0)t=\xc3\x28,%%%\n')],
    ['classic value', bytes('>>>\nt=\xed\xa0\x80\n<<<\n')],
    ['list element', bytes('###\n9:(3)L=1:\xff,,%%%\n')],
  ],
  'missing-end': [
    ['no end marker', bytes('###\n')],
    ['end after a complete item', bytes('###\n11:(0)t=status,')],
    ['half an end marker', bytes('###\n%%')],
    ['classic without <<<', bytes('>>>\nt=a\n')],
    ['classic line not ended', bytes('>>>\nt=a')],
  ],
  'bad-field': [
    ['no equals sign', bytes('###\n5:(0)ta,%%%\n')],
    ['empty name', bytes('###\n5:(0)=a,%%%\n')],
    ['no type prefix', bytes('###\n3:t=a,%%%\n')],
    ['NUL in a string', bytes('###\n7:(0)t=a\0,%%%\n')],
    ['newline in a name', bytes('###\n8:(0)a\nb=c,%%%\n')],
    ['name looks like a type prefix', bytes('###\n9:(0)(1)x=a,%%%\n')],
    ['classic line without =', bytes('>>>\nta\n<<<\n')],
    ['classic NUL inside', bytes('>>>\nt=a\0b\n<<<\n')],
    ['classic >>> as a field', bytes('>>>\n>>>x=1\n<<<\n')],
    ['classic NUL in a name', bytes('>>>\nt\0=a\n<<<\n')],
    ['classic NUL in a list', bytes('>>>\n(3)L=2:a\0,\n<<<\n')],
  ],
  'bad-type': [
    ['type 7', bytes('###\n6:(7)t=a,%%%\n')],
    ['type 5 (in memory only)', bytes('###\n6:(5)t=a,%%%\n')],
    ['classic (0)', bytes('>>>\n(0)t=a\n<<<\n')],
    ['classic (9)', bytes('>>>\n(9)t=a\n<<<\n')],
    ['classic unclosed prefix', bytes('>>>\n(1t=a\n<<<\n')],
  ],
  'bad-value': [
    ['classic binary not base64', bytes('>>>\n(1)u=!!!!\n<<<\n')],
    ['classic binary not canonical base64', bytes('>>>\n(1)u=AB==\n<<<\n')],
    ['classic compressed without padding', bytes('>>>\n(4)z=AA\n<<<\n')],
  ],
  'bad-list': [
    ['element overruns', bytes('###\n10:(3)L=3:ab,,%%%\n')],
    ['empty list', bytes('###\n5:(3)L=,%%%\n')],
    ['empty element', bytes('###\n8:(3)L=0:,,%%%\n')],
    ['no length', bytes('>>>\n(3)L=abc\n<<<\n')],
  ],
  'bad-trailer': [
    ['garbage after the message', bytes('###\n%%%\nxx')],
    ['trailer without a comma', bytes('###\n%%%\n5:1 abc')],
    ['trailer without a slot', bytes('###\n%%%\n3:abc,')],
    ['trailer with two spaces', bytes('###\n%%%\n6:1  abc,')],
  ],
  'trailing-bytes': [
    ['after the trailer', bytes('###\n%%%\n5:1 abc,X')],
    ['after classic <<<', bytes('>>>\nt=a\n<<<\nX')],
    ['two NULs after classic <<<', bytes('>>>\nt=a\n<<<\n\0\0')],
  ],
};

for (const [reason, inputs] of Object.entries(cases)) {
  for (const [label, input] of inputs) {
    test(`${reason}: ${label}`, () => {
      const result = decodeMessage(input);
      assert.equal(result.ok, false, 'decoded although it should not');
      if (result.ok) return;
      assert.equal(result.reason, reason, result.detail);
      assert.ok(result.detail.length > 0);
    });
  }
}

test('accepted edge cases: NUL after classic <<<, empty lines, empty netstring message, BOM kept', () => {
  const nul = decodeMessage(bytes('>>>\nt=a\n<<<\n\0'));
  assert.ok(nul.ok && nul.message.get('t') === 'a');
  const blank = decodeMessage(bytes('>>>\n\n\nt=a\n\n<<<\n'));
  assert.ok(blank.ok && blank.message.fields.length === 1);
  const empty = decodeMessage(bytes('###\n%%%\n'));
  assert.ok(empty.ok && empty.message.fields.length === 0 && empty.trailer === undefined);
  const bom = HaMessage.fromStrings([['\ufeffn', '\ufeffv']]);
  const back = decodeMessage(encodeNetstring(bom));
  assert.ok(back.ok);
  assert.deepEqual(back.message, bom);
});

test('structs nest exactly 16 levels deep in both formats, not 17', () => {
  for (const encode of [encodeNetstring, encodeClassic]) {
    const deepest = nested(wireLimits.maxDepth);
    const result = decodeMessage(encode(deepest));
    assert.ok(result.ok, result.ok ? '' : result.detail);
    assert.deepEqual(result.message, deepest);
    assert.throws(() => encode(nested(wireLimits.maxDepth + 1)), { code: 'WIRE_UNENCODABLE' });
  }
});

test('a message of exactly MAXMSG bytes still decodes', () => {
  const filler = 'a'.repeat(wireLimits.maxMessageBytes - '###\n'.length - '%%%\n'.length - '262134:(0)v=,'.length);
  const input = bytes(`###\n${filler.length + 5}:(0)v=${filler},%%%\n`);
  assert.equal(input.length, wireLimits.maxMessageBytes);
  assert.ok(decodeMessage(input).ok);
});
