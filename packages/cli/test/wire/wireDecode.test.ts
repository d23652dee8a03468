import { e2eSkipReason } from '@heartline/core/testing';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haBin, runHa } from '../runHa.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url)); // from packages/cli/dist/test/wire/
const vectors = join(process.env.HEARTLINE_VECTORS ?? join(repoRoot, '..', 'shared', 'vectors'), 'heartbeat-3.0.6');
const skip = e2eSkipReason({ root: false, files: [vectors] }) ?? false;

const dir = mkdtempSync(join(tmpdir(), 'heartline-wire-'));
after(() => rmSync(dir, { recursive: true, force: true }));
function authkeys(method: string, key: string): string {
  const path = join(dir, `authkeys-${method}-${key}`);
  writeFileSync(path, `auth 1\n1 ${method}${method === 'crc' ? '' : ` ${key}`}\n`, { mode: 0o600 });
  return path;
}

/** Packet blocks (from a `=== ` line to the next), without their `[…]` summary line, which words auth differently. */
function blocks(text: string, keep: (header: string) => boolean): string[][] {
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('=== ')) out.push([line]);
    else if (line.startsWith('    ') && !line.startsWith('    [')) out.at(-1)?.push(line);
  }
  return out.filter((b) => keep(b[0]!));
}

describe('ha wire decode on the heartbeat 3.0.6 vectors', { skip }, () => {
  const captures = skip ? [] : readdirSync(vectors).filter((f) => f.endsWith('.pcap')).map((f) => f.slice(0, -'.pcap'.length));
  for (const name of captures) {
    const method = name.includes('crc') ? 'crc' : name.includes('md5') ? 'md5' : 'sha1'; // vectors/README: sha1 unless named
    test(`${name}: every packet as in the dump, auth OK with the lab key`, async () => {
      const run = await runHa(['wire', 'decode', join(vectors, `${name}.pcap`), '--authkeys', authkeys(method, 'hbl-lab-test-key')]);
      assert.equal(run.code, 0, run.stderr);
      const expected = blocks(readFileSync(join(vectors, `${name}.txt`), 'utf8'), (h) => h.includes(' udp payload '));
      assert.ok(expected.length > 10);
      assert.deepEqual(blocks(run.stdout, () => true), expected);
      const marks = run.stdout.split('\n').filter((l) => l.startsWith('    ['));
      assert.equal(marks.length, expected.length);
      assert.ok(marks.every((l) => l.endsWith(`; auth OK (${method} slot 1)]`)), marks.find((l) => !l.includes('auth OK')));
      assert.match(run.stdout, new RegExp(`# ${expected.length} heartbeat packet\\(s\\): decoded: ${expected.length}, auth OK: ${expected.length}, auth FAILED: 0\\n$`));
    });
  }

  test('a wrong key marks every packet auth FAILED', async () => {
    const run = await runHa(['wire', 'decode', join(vectors, '09-auth-sha1.pcap'), '--authkeys', authkeys('sha1', 'not-the-key')]);
    assert.equal(run.code, 0, run.stderr);
    const marks = run.stdout.split('\n').filter((l) => l.startsWith('    ['));
    assert.ok(marks.length > 10);
    assert.ok(marks.every((l) => l.includes('; auth FAILED (auth-failed: auth trailer does not match (sha1, slot 1))]')), marks[0]);
    assert.match(run.stdout, /auth OK: 0, auth FAILED: \d+\n$/);
  });

  test('--json: one object per packet with fields, trailer and auth', async () => {
    const run = await runHa(['wire', 'decode', join(vectors, '11-ucast.pcap'), '--json', '--authkeys', authkeys('sha1', 'hbl-lab-test-key')]);
    assert.equal(run.code, 0, run.stderr);
    const packets = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const expected = blocks(readFileSync(join(vectors, '11-ucast.txt'), 'utf8'), (h) => h.includes(' udp payload '));
    assert.equal(packets.length, expected.length);
    const first = packets[0]!;
    assert.equal(first.kind, 'pcap');
    assert.equal(first.format, 'netstring');
    assert.deepEqual(first.auth, { ok: true, slot: 1 });
    assert.deepEqual((first.fields as unknown[])[0], { name: 't', type: 'string', value: 'status' });
    assert.equal((first.trailer as { slot: number }).slot, 1);
    assert.ok(packets.every((p) => (p.auth as { ok: boolean }).ok));
  });

  test('a serial byte stream on stdin decodes message by message (classic)', () => {
    const bin = readFileSync(join(vectors, '20-serial-2node.tty2-to-tty1.bin'));
    const run = spawnSync(process.execPath, [haBin, 'wire', 'decode', '-', '--authkeys', authkeys('sha1', 'hbl-lab-test-key')], { input: bin, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const marks = run.stdout.split('\n').filter((l) => l.startsWith('    ['));
    assert.ok(marks.length > 10);
    assert.ok(marks.every((l) => l.startsWith('    [classic format; ') && l.endsWith('; auth OK (sha1 slot 1)]')), marks[0]);
    assert.match(run.stdout, /^=== message 1 at offset 0, \d+ B\n/);
  });
});

test('garbage is shown as undecodable, not an error', async () => {
  const path = join(dir, 'garbage.bin');
  writeFileSync(path, '###\n99:(0)t=status,%%%\n');
  const run = await runHa(['wire', 'decode', path]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\[undecodable: truncated: item at offset 4 claims 99 bytes/);
});

test('errors: unreadable input (66), unusable authkeys (78), truncated pcap (65)', async () => {
  const missing = await runHa(['wire', 'decode', join(dir, 'nope.pcap')]);
  assert.equal(missing.code, 66);
  assert.match(missing.stderr, /error CLI_WIRE_INPUT_UNREADABLE: cannot read .*nope\.pcap/);
  const badKeys = join(dir, 'bad-authkeys');
  writeFileSync(badKeys, 'auth 2\n1 sha1 k\n', { mode: 0o600 });
  const keys = await runHa(['wire', 'decode', join(dir, 'nope.pcap'), '--authkeys', badKeys]);
  assert.equal(keys.code, 78);
  assert.match(keys.stderr, /error CLI_WIRE_BAD_AUTHKEYS: /);
  const cut = join(dir, 'cut.pcap');
  writeFileSync(cut, Buffer.concat([Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex'), Buffer.alloc(10)]));
  const pcap = await runHa(['wire', 'decode', cut]);
  assert.equal(pcap.code, 65);
  assert.match(pcap.stderr, /error WIRE_BAD_PCAP: .*cut\.pcap ends inside the header of frame 1/);
});
