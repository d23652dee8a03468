import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreFixtures, runHa } from './runHa.js';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of a seed fixture with authkeys 0600 (git cannot keep the mode). */
function seedCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-cli-'));
  made.push(dir);
  cpSync(join(coreFixtures, name), dir, { recursive: true });
  chmodSync(join(dir, 'authkeys'), 0o600);
  return dir;
}

test('ha config check accepts seed-apache and seed-clearos (exit 0)', async () => {
  for (const seed of ['seed-apache', 'seed-clearos']) {
    const dir = seedCopy(seed);
    const run = await runHa(['config', 'check', '--config-dir', dir]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, `${dir}: configuration OK: 0 error(s), 0 warning(s)\n`);
  }
});

test('deadtime 1 with keepalive 2: non-zero exit, file, line and hint printed', async () => {
  const dir = seedCopy('seed-apache');
  writeFileSync(join(dir, 'ha.cf'), 'keepalive 2\ndeadtime 1\nbcast eth0\nnode prime\nnode calc\nauto_failback on\n');
  const run = await runHa(['config', 'check', '--config-dir', dir]);
  assert.equal(run.code, 78);
  assert.match(run.stdout, new RegExp(`^${dir}/ha\\.cf:2:1: error CONFIG_DEADTIME_TOO_SMALL deadtime 1000 ms is not more than twice keepalive 2000 ms\\n {4}hint: Raise deadtime above 4000 ms`, 'm'));
  assert.match(run.stdout, /configuration has errors: 1 error\(s\), 0 warning\(s\)\n$/);
});

test('authkeys with mode 0644 is refused with heartbeat\'s message', async () => {
  const dir = seedCopy('seed-apache');
  chmodSync(join(dir, 'authkeys'), 0o644);
  const run = await runHa(['config', 'check', '--config-dir', dir]);
  assert.equal(run.code, 77);
  assert.match(run.stdout, /authkeys: error AUTHKEYS_BAD_PERMISSIONS bad permissions 0644 on keyfile .*authkeys, 600 recommended\n {4}hint: Run `chmod 600 /);
});

test('--json gives the documented shape', async () => {
  const dir = seedCopy('seed-apache');
  writeFileSync(join(dir, 'haresources'), 'ghost apache2\n');
  const run = await runHa(['config', 'check', '--config-dir', dir, '--json']);
  assert.equal(run.code, 78);
  const report = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.deepEqual(report, {
    configDir: dir,
    ok: false,
    errors: 1,
    warnings: 0,
    issues: [
      {
        file: join(dir, 'haresources'),
        line: 1,
        column: 1,
        code: 'HARESOURCES_UNKNOWN_NODE',
        severity: 'error',
        message: "node 'ghost' is not declared in ha.cf (ha.cf declares prime, calc)",
        hint: 'Start the line with a name from a `node` line of ha.cf, or add that node to ha.cf.',
      },
    ],
  });
});

test('a missing directory or file is a clear error', async () => {
  const missingDir = await runHa(['config', 'check', '--config-dir', '/nonexistent/heartline']);
  assert.equal(missingDir.code, 66);
  assert.match(missingDir.stderr, /^error CONFIG_DIR_NOT_FOUND: configuration directory \/nonexistent\/heartline does not exist or is not a directory\n {4}hint: /);

  const dir = seedCopy('seed-apache');
  rmSync(join(dir, 'haresources'));
  const missingFile = await runHa(['config', 'check', '--config-dir', dir]);
  assert.equal(missingFile.code, 66);
  assert.match(missingFile.stdout, /haresources: error CONFIG_FILE_NOT_FOUND .*haresources does not exist/);
});
