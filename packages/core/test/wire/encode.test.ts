import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classicAuthText } from '../../src/wire/classicAuthText.js';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import { encodeClassic } from '../../src/wire/encodeClassic.js';
import { encodeNetstring } from '../../src/wire/encodeNetstring.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import type { HaField } from '../../src/wire/HaField.js';
import { wireLimits } from '../../src/wire/wireLimits.js';

const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

// Spec §1.7: the list and struct encodings.
const listAndStruct = new HaMessage([
  { name: 'L', type: 'list', value: ['abc', 'defg'] },
  { name: 'S', type: 'struct', value: HaMessage.fromStrings([['x', '1']]) },
]);

test('list and struct in netstring form (spec §1.7)', () => {
  assert.equal(text(encodeNetstring(listAndStruct)), '###\n18:(3)L=3:abc,4:defg,,22:(2)S=###\n6:(0)x=1,%%%\n,%%%\n');
});

test('list and struct in classic form (spec §1.7)', () => {
  assert.equal(text(encodeClassic(listAndStruct)), '>>>\n(3)L=3:abc,4:defg,\n(2)S=>>>\x14x=1\x14<<<\x14\n<<<\n');
});

test('nested structs escape newlines with the byte of their depth', () => {
  const inner = HaMessage.fromStrings([['y', '2']]);
  const middle = new HaMessage([{ name: 'I', type: 'struct', value: inner }]);
  const outer = new HaMessage([{ name: 'M', type: 'struct', value: middle }]);
  assert.equal(text(encodeClassic(outer)), '>>>\n(2)M=>>>\x14(2)I=>>>\x15y=2\x15<<<\x15\x14<<<\x14\n<<<\n');
  const back = decodeMessage(encodeClassic(outer));
  assert.ok(back.ok);
  assert.deepEqual(back.message, outer);
});

test('newlines in strings: 0x13 in classic text, raw in netstrings', () => {
  const msg = HaMessage.fromStrings([['info', 'a\nb']]);
  assert.equal(text(encodeClassic(msg)), '>>>\ninfo=a\x13b\n<<<\n');
  assert.equal(text(encodeNetstring(msg)), '###\n11:(0)info=a\nb,%%%\n');
  for (const encode of [encodeClassic, encodeNetstring]) {
    const back = decodeMessage(encode(msg));
    assert.ok(back.ok);
    assert.equal(back.message.get('info'), 'a\nb');
  }
});

test('binary and compressed: base64 in classic text, raw in netstrings; UTF-8 lengths count bytes', () => {
  const msg = new HaMessage([
    { name: 'b', type: 'binary', value: Uint8Array.from([0, 44, 10, 255]) },
    { name: 'z', type: 'compressed', value: Uint8Array.from([1, 2]) },
    { name: 'é', type: 'string', value: 'ü' },
  ]);
  assert.equal(text(encodeClassic(msg)), '>>>\n(1)b=ACwK/w==\n(4)z=AQI=\n\xc3\xa9=\xc3\xbc\n<<<\n');
  assert.equal(text(encodeNetstring(msg)), '###\n9:(1)b=\x00,\n\xff,7:(4)z=\x01\x02,8:(0)\xc3\xa9=\xc3\xbc,%%%\n');
});

test('classicAuthText leaves out every auth field and the markers', () => {
  const msg = HaMessage.fromStrings([['auth', '1 x'], ['t', 'status'], ['auth', '2 y'], ['ttl', '3']]);
  assert.equal(text(classicAuthText(msg)), 't=status\nttl=3\n');
});

test('encoders refuse what heartbeat could not carry', () => {
  const bad: Array<[string, HaField]> = [
    ['empty name', { name: '', type: 'string', value: 'a' }],
    ['= in name', { name: 'a=b', type: 'string', value: 'a' }],
    ['newline in name', { name: 'a\nb', type: 'string', value: 'a' }],
    ['( name', { name: '(1)x', type: 'string', value: 'a' }],
    ['>>> name', { name: '>>>x', type: 'string', value: 'a' }],
    ['NUL in value', { name: 'a', type: 'string', value: 'a\0' }],
    ['lone surrogate', { name: 'a', type: 'string', value: '\ud800' }],
    ['empty list', { name: 'a', type: 'list', value: [] }],
    ['empty list element', { name: 'a', type: 'list', value: ['x', ''] }],
  ];
  for (const [label, field] of bad) {
    for (const encode of [encodeNetstring, encodeClassic]) {
      assert.throws(() => encode(new HaMessage([field])), { code: 'WIRE_UNENCODABLE' }, label);
    }
  }
  assert.throws(() => encodeClassic(HaMessage.fromStrings([['a', 'x\x13y']])), { code: 'WIRE_UNENCODABLE' });
  const newlineInList = new HaMessage([{ name: 'L', type: 'list', value: ['a\nb'] }]);
  assert.throws(() => encodeClassic(newlineInList), { code: 'WIRE_UNENCODABLE' });
  assert.ok(decodeMessage(encodeNetstring(newlineInList)).ok);
  const clash = new HaMessage([{ name: 's', type: 'struct', value: HaMessage.fromStrings([['a', 'x\x14y']]) }]);
  assert.throws(() => encodeClassic(clash), { code: 'WIRE_UNENCODABLE' });
  assert.ok(decodeMessage(encodeNetstring(clash)).ok, 'netstrings carry any byte');
});

test('encoders refuse messages over MAXMSG and recover afterwards', () => {
  const huge = new HaMessage([{ name: 'b', type: 'binary', value: new Uint8Array(wireLimits.maxMessageBytes) }]);
  assert.throws(() => encodeNetstring(huge), { code: 'WIRE_MESSAGE_TOO_LARGE' });
  assert.throws(() => encodeClassic(huge), { code: 'WIRE_MESSAGE_TOO_LARGE' });
  assert.equal(text(encodeNetstring(HaMessage.fromStrings([['t', 'a']]))), '###\n6:(0)t=a,%%%\n');
});

test('encoding does not change the message, and the result is not a view of a shared buffer', () => {
  const msg = HaMessage.fromStrings([['t', 'a']]);
  const first = encodeNetstring(msg);
  encodeNetstring(HaMessage.fromStrings([['t', 'zzzzzzzz']]));
  assert.equal(text(first), '###\n6:(0)t=a,%%%\n');
  assert.deepEqual(msg, HaMessage.fromStrings([['t', 'a']]));
});
