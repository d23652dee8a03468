import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreFixtures, runHa } from './runHa.js';

const dir = mkdtempSync(join(tmpdir(), 'heartline-authkeys-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('ha authkeys generate --out X writes a 0600 sha1 file that ha config check accepts', async () => {
  cpSync(join(coreFixtures, 'seed-apache', 'ha.cf'), join(dir, 'ha.cf'));
  cpSync(join(coreFixtures, 'seed-apache', 'haresources'), join(dir, 'haresources'));
  const out = join(dir, 'authkeys');
  const run = await runHa(['authkeys', 'generate', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(statSync(out).mode & 0o777, 0o600);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^auth 1\n1 sha1 [0-9a-f]{64}\n$/m);
  const check = await runHa(['config', 'check', '--config-dir', dir]);
  assert.equal(check.code, 0, check.stdout + check.stderr);
});

test('two runs give different keys; md5 on request', async () => {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  assert.equal((await runHa(['authkeys', 'generate', '--out', a])).code, 0);
  assert.equal((await runHa(['authkeys', 'generate', '--out', b, '--method', 'md5'])).code, 0);
  const keyOf = (p: string) => /^1 (\w+) ([0-9a-f]+)$/m.exec(readFileSync(p, 'utf8'))?.slice(1);
  assert.equal(keyOf(a)?.[0], 'sha1');
  assert.equal(keyOf(b)?.[0], 'md5');
  assert.notEqual(keyOf(a)?.[1], keyOf(b)?.[1]);
});

test('never overwrites without --force; --force replaces atomically with mode 0600', async () => {
  const out = join(dir, 'existing');
  writeFileSync(out, 'keep me\n', { mode: 0o644 });
  const refused = await runHa(['authkeys', 'generate', '--out', out]);
  assert.equal(refused.code, 73);
  assert.match(refused.stderr, /^error AUTHKEYS_FILE_EXISTS: .*existing already exists; not replacing it\n {4}hint: Pass --force/);
  assert.equal(readFileSync(out, 'utf8'), 'keep me\n');

  const forced = await runHa(['authkeys', 'generate', '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(out, 'utf8'), /^1 sha1 [0-9a-f]{64}$/m);
  assert.equal(statSync(out).mode & 0o777, 0o600);
});

test('an unwritable place is a clear error', async () => {
  const run = await runHa(['authkeys', 'generate', '--out', join(dir, 'no', 'such', 'authkeys')]);
  assert.equal(run.code, 73);
  assert.match(run.stderr, /error AUTHKEYS_WRITE_FAILED: cannot write .*no\/such\/authkeys: its directory does not exist/);
});
