import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haBin } from '../runHa.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-check-fencing-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `ha config check` with HEARTLINE_STONITH_PLUGIN_DIR pointing at the test's plugin directory. */
function check(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [haBin, 'config', 'check', ...args],
      { timeout: 30_000, env: { ...process.env, HEARTLINE_STONITH_PLUGIN_DIR: join(dir, 'plugins') } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
    );
  });
}

test('ha config check: every stonith and stonith_host line is checked by its fencer and listed with it', async () => {
  const cfg = join(dir, 'cfg');
  mkdirSync(cfg);
  mkdirSync(join(dir, 'plugins', 'external'), { recursive: true });
  writeFileSync(join(dir, 'plugins', 'external', 'pdu'), '#!/bin/sh\n[ "$1" = getconfignames ] && echo "ipaddr outlet"\nexit 0\n');
  chmodSync(join(dir, 'plugins', 'external', 'pdu'), 0o755);
  writeFileSync(
    join(cfg, 'ha.cf'),
    [
      'bcast eth0',
      'auto_failback on',
      'node node1 node2',
      'stonith_host node1 null node2',
      'stonith_host node2 external/pdu 10.0.0.9 4',
      'stonith_host * external/pdu 10.0.0.9',
      'stonith_host * rps10 /dev/ttyS0 node1 0',
      'stonith_host * external/absent x',
      '',
    ].join('\n'),
  );
  writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 k\n', { mode: 0o600 });
  chmodSync(join(cfg, 'authkeys'), 0o600);
  writeFileSync(join(cfg, 'haresources'), '');
  const run = await check(['--config-dir', cfg, '--init-dir', dir]);
  assert.equal(run.code, 78, run.stdout + run.stderr);
  const issues = run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: (error|warning) /.test(l)).map((l) => l.replace(`${cfg}/`, ''));
  assert.deepEqual(issues.map((l) => l.split(' ').slice(0, 3).join(' ')), [
    'ha.cf:6:16: error FENCE_BAD_PARAMETERS',
    'ha.cf:7:16: error FENCE_NO_FENCER',
    'ha.cf:8:16: error FENCE_PLUGIN_MISSING',
  ]);
  assert.match(run.stdout, /ha\.cf:6:16: error FENCE_BAD_PARAMETERS stonith_host \* external\/pdu: external\/pdu takes 2 parameter\(s\), in this order: ipaddr outlet; the line gives 1\n/);
  assert.ok(run.stdout.includes(`${cfg}/ha.cf:4 stonith_host node1 null -> fencer null (@heartline/fence-basic)\n`));
  assert.ok(run.stdout.includes(`${cfg}/ha.cf:5 stonith_host node2 external/pdu -> fencer external/* (@heartline/fence-basic)\n`));
  assert.ok(run.stdout.includes(`${cfg}/ha.cf:7 stonith_host * rps10 -> no fencer\n`));
  const json = await check(['--config-dir', cfg, '--init-dir', dir, '--json']);
  const fencing = (JSON.parse(json.stdout) as { fencing: Array<{ line: number; type: string; fencer: string | null; plugins: string[] }> }).fencing;
  assert.deepEqual(fencing.map((f) => [f.line, f.type, f.fencer, f.plugins]), [
    [4, 'null', 'null', ['@heartline/fence-basic']],
    [5, 'external/pdu', 'external/*', ['@heartline/fence-basic']],
    [6, 'external/pdu', 'external/*', ['@heartline/fence-basic']],
    [7, 'rps10', null, []],
    [8, 'external/absent', 'external/*', ['@heartline/fence-basic']],
  ]);
});

test('ha plugins lists the bundled fencers and who serves each STONITH type', async () => {
  const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [haBin, 'plugins', '--json'], { timeout: 30_000 }, (error, stdout) => resolve({ code: error === null ? 0 : 1, stdout }));
  });
  assert.equal(run.code, 0);
  const view = JSON.parse(run.stdout) as { plugins: Array<{ name: string; origin: string; fencers: string[] }>; fencers: Record<string, string[]> };
  assert.deepEqual(view.plugins.find((p) => p.name === '@heartline/fence-basic'), {
    ...view.plugins.find((p) => p.name === '@heartline/fence-basic'),
    origin: 'bundled',
    fencers: ['null', 'ssh', 'meatware', 'external/*'],
  });
  assert.deepEqual(view.fencers, {
    'external/*': ['@heartline/fence-basic'],
    meatware: ['@heartline/fence-basic'],
    null: ['@heartline/fence-basic'],
    ssh: ['@heartline/fence-basic'],
  });
  assert.deepEqual(view.plugins.filter((p) => p.name !== '@heartline/fence-basic' && p.fencers.length > 0), [], 'only fence-basic serves fencers');
});
