import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { parseAuthKeys } from '../../src/config/parseAuthKeys.js';
import { readAuthKeysFile } from '../../src/config/readAuthKeysFile.js';
import { fixtureCopy, fixtureText } from './fixtureDir.js';

const codes = (text: string): string[] => parseAuthKeys(text, 'authkeys').issues.map((i) => `${i.line}:${i.code}:${i.severity}`);

test('seed-clearos: slot 1 sha1 signs', () => {
  const { keys, issues } = parseAuthKeys(fixtureText('seed-clearos', 'authkeys'), 'authkeys');
  assert.deepEqual(issues, []);
  assert.equal(keys?.activeSlot, 1);
  assert.deepEqual([...(keys?.slots.values() ?? [])], [{ slot: 1, method: 'sha1', key: '0123456789abcdef0123456789abcdef' }]);
});

test('seed-apache: commented slots are skipped, slot 2 sha1 test-ha signs', () => {
  const { keys, issues } = parseAuthKeys(fixtureText('seed-apache', 'authkeys'), 'authkeys');
  assert.deepEqual(issues, []);
  assert.equal(keys?.activeSlot, 2);
  assert.deepEqual([...(keys?.slots.keys() ?? [])], [2]);
  assert.equal(keys?.slots.get(2)?.key, 'test-ha');
});

test('several slots for key rotation; crc has no key', () => {
  const { keys, issues } = parseAuthKeys('  auth 3\n1 crc\n2 md5 Hello!\n3 sha1 new-key\n', 'authkeys');
  assert.deepEqual(issues, []);
  assert.equal(keys?.activeSlot, 3);
  assert.deepEqual([...(keys?.slots.values() ?? [])].map((s) => [s.slot, s.method, s.key]), [[1, 'crc', undefined], [2, 'md5', 'Hello!'], [3, 'sha1', 'new-key']]);
});

test('heartbeat chooses the signing slot while reading: auth must precede its key line', () => {
  assert.deepEqual(codes('1 sha1 k\nauth 1\n'), ['2:AUTHKEYS_ORDER:error']);
  const rotated = parseAuthKeys('auth 1\n1 sha1 a\nauth 2\n', 'authkeys');
  assert.equal(rotated.keys?.activeSlot, 1, 'heartbeat keeps the slot it already chose');
  assert.deepEqual(rotated.issues.map((i) => `${i.line}:${i.code}:${i.severity}`), ['3:AUTHKEYS_SLOT_UNDEFINED:warning']);
});

test('the key is one word; words after it are ignored with a warning, a trailing comment is not', () => {
  const { keys, issues } = parseAuthKeys('auth 1\n1 sha1 my secret\n', 'authkeys');
  assert.equal(keys?.slots.get(1)?.key, 'my');
  assert.deepEqual(issues.map((i) => `${i.line}:${i.column}:${i.code}`), ['2:11:AUTHKEYS_KEY_TRUNCATED']);
  assert.deepEqual(codes('auth 1\n1 sha1 secret # rotated 2024\n'), []);
});

test('crc followed by a comment reads the comment as a key, as heartbeat does', () => {
  const { keys, issues } = parseAuthKeys('auth 1\n1 crc # no key\n', 'authkeys');
  assert.equal(keys, undefined);
  assert.deepEqual(issues.map((i) => `${i.line}:${i.code}`), ['1:AUTHKEYS_SLOT_UNDEFINED', '2:AUTHKEYS_UNEXPECTED_KEY']);
  assert.match(issues[0]?.message ?? '', /slot 1 is not defined \(its line 2 was refused\)/);
  assert.match(issues[1]?.message ?? '', /heartbeat reads '#' as a key/);
});

test('readAuthKeysFile accepts a 0600 file and refuses group/other bits with heartbeat\'s words', async () => {
  const dir = fixtureCopy('seed-apache');
  const path = join(dir, 'authkeys');
  const ok = await readAuthKeysFile(path);
  assert.deepEqual(ok.issues, []);
  assert.equal(ok.keys?.activeSlot, 2);

  for (const mode of [0o644, 0o640, 0o620, 0o601]) {
    chmodSync(path, mode);
    const refused = await readAuthKeysFile(path);
    assert.equal(refused.keys, undefined, `mode ${mode.toString(8)} refused`);
    assert.deepEqual(refused.issues.map((i) => `${i.line}:${i.code}`), ['0:AUTHKEYS_BAD_PERMISSIONS']);
    assert.match(refused.issues[0]?.message ?? '', /bad permissions 0\d+ on keyfile .*authkeys, 600 recommended/);
    assert.match(refused.issues[0]?.hint ?? '', /chmod 600/);
  }
});

test('readAuthKeysFile refuses a file owned by someone else than root or us', async (t) => {
  const dir = fixtureCopy('seed-apache');
  const path = join(dir, 'authkeys');
  if (process.geteuid?.() === 0) {
    chownSync(path, 65534, 65534);
    const refused = await readAuthKeysFile(path);
    assert.deepEqual(refused.issues.map((i) => i.code), ['AUTHKEYS_BAD_OWNER']);
    assert.equal(refused.keys, undefined);
  } else {
    t.diagnostic('not root: checking through the allowed-uid option instead of chown');
  }
  const strict = await readAuthKeysFile(path, { uid: 4242 });
  const owner = process.geteuid?.() === 0 ? 65534 : process.geteuid?.();
  assert.equal(strict.keys, undefined);
  assert.match(strict.issues[0]?.message ?? '', new RegExp(`owned by uid ${owner}, not root`));
});

test('readAuthKeysFile reports a missing file as an issue', async () => {
  const result = await readAuthKeysFile(join(fixtureCopy(), 'authkeys'));
  assert.deepEqual(result.issues.map((i) => i.code), ['CONFIG_FILE_NOT_FOUND']);
});
