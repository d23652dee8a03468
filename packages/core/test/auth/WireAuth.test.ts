import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WireAuth } from '../../src/auth/WireAuth.js';
import type { AuthKeySlot } from '../../src/config/AuthKeys.js';
import { encodeClassic } from '../../src/wire/encodeClassic.js';
import { encodeNetstring } from '../../src/wire/encodeNetstring.js';
import { HaMessage } from '../../src/wire/HaMessage.js';

function keys(activeSlot: number, ...slots: AuthKeySlot[]): WireAuth {
  return new WireAuth({ activeSlot, slots: new Map(slots.map((s) => [s.slot, s])) });
}
const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

// Spec §1.7, key "testkey", sha1, slot 1.
function specExample(): HaMessage {
  const msg = HaMessage.fromStrings([['t', 'status'], ['st', 'active'], ['dt', '2710'], ['protocol', '1'], ['src', 'node1']]);
  msg.add({ name: 'srcuuid', type: 'binary', value: Uint8Array.from({ length: 16 }, (_, i) => i) });
  for (const [k, v] of [['seq', '2a'], ['hg', '5f5e1001'], ['ts', '66000000'], ['ld', '0.05 0.10 0.08 1/123 4567'], ['ttl', '3']] as const) msg.addString(k, v);
  return msg;
}
const testkey = keys(1, { slot: 1, method: 'sha1', key: 'testkey' });

test('sealUdp reproduces the spec §1.7 datagram (msgfmt classic and netstring)', () => {
  const withInner = testkey.sealUdp(specExample(), { innerAuth: true });
  assert.equal(withInner.length, 311);
  assert.ok(text(withInner).includes(',50:(0)auth=1 18a75272932441b22e62b08d0d7b83056889d46f,%%%\n'));
  assert.ok(text(withInner).endsWith('%%%\n42:1 833e4c6705a77508c51f634b87ebaa0daaf219bb,'));
  const without = testkey.sealUdp(specExample(), { innerAuth: false });
  assert.ok(text(without).endsWith(',8:(0)ttl=3,%%%\n42:1 8dd95d2a4ff409c8daa41187f1c1beb0acfb89be,'));
});

test('sealClassic reproduces the spec §1.7 classic form and leaves the message alone', () => {
  const msg = specExample();
  const sealed = testkey.sealClassic(msg);
  assert.ok(text(sealed).endsWith('ttl=3\nauth=1 18a75272932441b22e62b08d0d7b83056889d46f\n<<<\n'));
  assert.equal(msg.has('auth'), false);
  assert.deepEqual(testkey.open(sealed), { ok: true, message: msg.clone().addString('auth', '1 18a75272932441b22e62b08d0d7b83056889d46f'), format: 'classic', slot: 1 });
});

test('sealing replaces an existing inner auth field in place', () => {
  const msg = specExample().addString('auth', '1 stale').addString('after', 'x');
  const sealed = testkey.sealClassic(msg);
  assert.match(text(sealed), /\nauth=1 [0-9a-f]{40}\nafter=x\n<<<\n$/);
});

test('open accepts every configured slot and reports which one verified', () => {
  const signer2 = keys(2, { slot: 2, method: 'md5', key: 'new-key' });
  const both = keys(1, { slot: 1, method: 'sha1', key: 'old-key' }, { slot: 2, method: 'md5', key: 'new-key' });
  const msg = HaMessage.fromStrings([['t', 'status']]);
  for (const packet of [signer2.sealUdp(msg, { innerAuth: true }), signer2.sealClassic(msg)]) {
    const opened = both.open(packet);
    assert.ok(opened.ok, opened.ok ? '' : opened.detail);
    assert.equal(opened.slot, 2);
  }
});

test('open refuses: missing auth, unknown slot, wrong token, undecodable', () => {
  const msg = HaMessage.fromStrings([['t', 'status']]);
  const otherSlot = keys(3, { slot: 3, method: 'sha1', key: 'testkey' });
  const otherKey = keys(1, { slot: 1, method: 'sha1', key: 'other' });
  const reason = (bytes: Uint8Array): string => {
    const r = testkey.open(bytes);
    return r.ok ? 'ok' : r.reason;
  };
  assert.equal(reason(encodeNetstring(msg)), 'auth-missing');
  assert.equal(reason(encodeClassic(msg)), 'auth-missing');
  assert.equal(reason(encodeClassic(HaMessage.fromStrings([['t', 'status'], ['auth', 'garbage']]))), 'auth-missing');
  assert.equal(reason(otherSlot.sealUdp(msg, { innerAuth: false })), 'unknown-slot');
  assert.equal(reason(otherSlot.sealClassic(msg)), 'unknown-slot');
  assert.equal(reason(otherKey.sealUdp(msg, { innerAuth: true })), 'auth-failed');
  assert.equal(reason(otherKey.sealClassic(msg)), 'auth-failed');
  assert.equal(reason(Buffer.from('nonsense')), 'bad-prefix');
  // A netstring packet is judged by its trailer only, as heartbeat does: a bogus inner field passes.
  const bogusInner = HaMessage.fromStrings([['t', 'status'], ['auth', '1 deadbeef']]);
  assert.equal(reason(testkey.sealUdp(bogusInner, { innerAuth: false })), 'ok');
});

test('WireAuth refuses an active slot without a key', () => {
  assert.throws(() => keys(2, { slot: 1, method: 'sha1', key: 'k' }), { code: 'AUTH_NO_ACTIVE_SLOT' });
  assert.throws(() => keys(1, { slot: 1, method: 'rot13', key: 'k' }), { code: 'AUTH_UNKNOWN_METHOD' });
});
