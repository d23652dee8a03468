import { test } from 'node:test';
import { createHash, createHmac } from 'node:crypto';
import assert from 'node:assert/strict';
import { createAuthenticator } from '../../src/auth/createAuthenticator.js';
import { crc32Posix } from '../../src/auth/crc32Posix.js';

const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const fox = ascii('The quick brown fox jumps over the lazy dog');

test('crc: CRC-32/POSIX check value, token in %lx without padding', () => {
  assert.equal(crc32Posix(ascii('123456789')), 0x765e7680);
  assert.equal(crc32Posix(new Uint8Array(0)), 0xffffffff);
  const crc = createAuthenticator('crc', undefined);
  assert.equal(crc.sign(ascii('123456789')), '765e7680');
  // Find an input whose CRC has a leading zero nibble: its token must be shorter than 8 digits.
  let i = 0;
  while (crc32Posix(ascii(String(i))) >= 0x10000000) i++;
  const token = crc.sign(ascii(String(i)));
  assert.ok(token.length < 8 && !token.startsWith('0'), token);
  assert.ok(crc.verify(ascii(String(i)), token));
  assert.equal(crc.verify(ascii(String(i)), token.padStart(8, '0')), false, 'a zero-padded token is not what heartbeat sends');
});

test('md5 and sha1 are RFC 2104 HMACs (known answers)', () => {
  assert.equal(createAuthenticator('md5', 'key').sign(fox), '80070713463e7749b90c2dc24911e275');
  assert.equal(createAuthenticator('sha1', 'key').sign(fox), 'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9');
  // Keys longer than the 64-byte block are hashed first (the lab verified a 79-byte sha1 key).
  const longKey = 'k'.repeat(79);
  assert.equal(createAuthenticator('sha1', longKey).sign(fox), createHmac('sha1', createHash('sha1').update(longKey).digest()).update(fox).digest('hex'));
});

test('md5 and sha1 agree with createHmac for every size: empty, block edges, growth, large fallback', () => {
  for (const method of ['md5', 'sha1'] as const) {
    const auth = createAuthenticator(method, 'hbl-lab-test-key');
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 300, 1088, 5000, 16 * 1024, 16 * 1024 + 1, 70_000, 300]) {
      const data = Buffer.alloc(size, size % 251);
      assert.equal(auth.sign(data), createHmac(method, 'hbl-lab-test-key').update(data).digest('hex'), `${method} ${size}`);
    }
  }
});

test('verify: right token passes, any change fails, wrong length fails', () => {
  for (const method of ['crc', 'md5', 'sha1']) {
    const auth = createAuthenticator(method, 'secret');
    const token = auth.sign(fox);
    assert.ok(auth.verify(fox, token), method);
    assert.equal(auth.verify(fox, token.slice(0, -1) + (token.endsWith('0') ? '1' : '0')), false, method);
    assert.equal(auth.verify(fox, token + '0'), false, method);
    assert.equal(auth.verify(fox, ''), false, method);
    assert.equal(auth.verify(ascii('the quick brown fox jumps over the lazy dog'), token), false, method);
  }
});

test('createAuthenticator refuses unknown methods and keyless md5/sha1', () => {
  assert.throws(() => createAuthenticator('sha256', 'k'), { code: 'AUTH_UNKNOWN_METHOD' });
  assert.throws(() => createAuthenticator('md5', undefined), { code: 'AUTH_KEY_REQUIRED' });
  assert.throws(() => createAuthenticator('sha1', ''), { code: 'AUTH_KEY_REQUIRED' });
});
