import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreFixtures, runHa } from './runHa.js';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The seeds' services, as the node would have them: resource.d scripts. */
const seedServices = ['apache2', 'bypassd', 'smbd', 'nmbd', 'dnsmasq'];

/**
 * A copy of a seed fixture with authkeys 0600 (git cannot keep the mode) and a resource.d script
 * for every service of the seeds, so the check does not depend on what this machine has installed.
 */
function seedCopy(name: string, services = seedServices): string {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-cli-'));
  made.push(dir);
  cpSync(join(coreFixtures, name), dir, { recursive: true });
  chmodSync(join(dir, 'authkeys'), 0o600);
  mkdirSync(join(dir, 'resource.d'));
  for (const service of services) writeFileSync(join(dir, 'resource.d', service), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return dir;
}

/** An empty directory standing for /etc/init.d. */
function emptyInitDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-initd-'));
  made.push(dir);
  return dir;
}

test('ha config check accepts seed-apache and seed-clearos (exit 0) and says which agent and plugin run each resource', async () => {
  const expected: Record<string, string[]> = {
    'seed-apache': ['haresources:1 apache2 -> agent apache2 (@heartline/agent-apache), monitored every 10 s (agent default)'],
    'seed-clearos': [
      'haresources:1 bypassd -> agent bypassd (@heartline/agent-lsb), not monitored',
      ...['smbd', 'nmbd', 'dnsmasq'].map((s) => `haresources:1 ${s} -> agent * (script) (@heartline/agent-lsb), not monitored`),
    ],
  };
  for (const seed of ['seed-apache', 'seed-clearos']) {
    const dir = seedCopy(seed);
    const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, [...expected[seed]!.map((l) => `${dir}/${l}`), `${dir}: configuration OK: 0 error(s), 0 warning(s)`, ''].join('\n'));
    const json = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir(), '--json']);
    const resources = (JSON.parse(json.stdout) as { resources: Array<{ resource: string; agent: string; plugins: string[]; line: number; monitor: { intervalMs: number; origin: string } | null }> })
      .resources;
    assert.deepEqual(
      resources.map(
        (r) =>
          `haresources:${r.line} ${r.resource} -> agent ${r.agent === '*' ? '* (script)' : r.agent} (${r.plugins.join(' and ')}), ${r.monitor === null ? 'not monitored' : `monitored every ${r.monitor.intervalMs / 1000} s (${r.monitor.origin})`}`,
      ),
      expected[seed],
    );
  }
});

test('ha config check --json: a type no plugin names exactly goes to the script agent (*)', async () => {
  const dir = seedCopy('seed-apache');
  writeFileSync(join(dir, 'haresources'), 'prime Nosuch::x\n');
  const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir(), '--json']);
  const out = JSON.parse(run.stdout) as { resources: Array<{ type: string; agent: string | null; plugins: string[] }> };
  assert.deepEqual(out.resources.map((r) => [r.type, r.agent, r.plugins]), [['Nosuch', '*', ['@heartline/agent-lsb']]]);
});

test('a resource whose script is in neither resource.d nor the init directory is a warning naming both places', async () => {
  const dir = seedCopy('seed-clearos', ['bypassd', 'smbd', 'nmbd']);
  const initDir = emptyInitDir();
  const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', initDir]);
  assert.equal(run.code, 0, 'a missing script does not fail the check: the node may not be the one checked');
  assert.match(
    run.stdout,
    new RegExp(`^${dir}/haresources:1:\\d+: warning RESOURCE_SCRIPT_MISSING Cannot locate resource script dnsmasq: no executable ${dir}/resource.d/dnsmasq or ${initDir}/dnsmasq\n {4}hint: `, 'm'),
  );
  assert.match(run.stdout, /configuration OK: 0 error\(s\), 1 warning\(s\)\n$/);
});

test('deadtime 1 with keepalive 2: non-zero exit, file, line and hint printed', async () => {
  const dir = seedCopy('seed-apache');
  writeFileSync(join(dir, 'ha.cf'), 'keepalive 2\ndeadtime 1\nbcast eth0\nnode prime\nnode calc\nauto_failback on\n');
  const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
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
  const run = await runHa(['config', 'check', '--config-dir', dir, '--json', '--init-dir', emptyInitDir()]);
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
    resources: [
      {
        file: join(dir, 'haresources'),
        line: 1,
        group: 'apache2',
        resource: 'apache2',
        type: 'apache2',
        agent: 'apache2',
        plugins: ['@heartline/agent-apache'],
        monitor: { intervalMs: 10_000, timeoutMs: 20_000, restarts: 3, windowMs: 600_000, origin: 'agent default' },
        timeouts: { startMs: 120_000, stopMs: 120_000, startOrigin: 'default', stopOrigin: 'default' },
      },
    ],
    fencing: [],
  });
});

test('heartline.cf: monitor lines change what is checked, and its mistakes are named with file:line', async () => {
  const dir = seedCopy('seed-clearos', ['bypassd', 'smbd', 'nmbd', 'dnsmasq']);
  writeFileSync(join(dir, 'heartline.cf'), '# Heartline only\nmonitor smbd interval=30s\nmonitor dnsmasq\nmonitor nmdb\n');
  const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`^${dir}/heartline\\.cf:4:9: warning HEARTLINE_CF_UNMATCHED 'nmdb' matches no resource and no resource type of haresources\n {4}hint: `, 'm'));
  assert.match(run.stdout, /haresources:1 smbd -> agent \* \(script\) \(@heartline\/agent-lsb\), monitored every 30 s \(heartline\.cf:2\)$/m);
  assert.match(run.stdout, /haresources:1 nmbd -> agent \* \(script\) \(@heartline\/agent-lsb\), not monitored$/m);
  assert.match(run.stdout, /haresources:1 dnsmasq -> agent \* \(script\) \(@heartline\/agent-lsb\), monitored every 10 s \(heartline\.cf:3\)$/m);

  writeFileSync(join(dir, 'heartline.cf'), 'monitor smbd interval=fast\n');
  const bad = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
  assert.equal(bad.code, 78);
  assert.match(bad.stdout, new RegExp(`^${dir}/heartline\\.cf:1:14: error HEARTLINE_CF_BAD_VALUE interval=fast: give a duration`, 'm'));
});

test('heartline.cf: timeouts lines show on the resources they change, in text and --json; their mistakes are named', async () => {
  const dir = seedCopy('seed-clearos', ['bypassd', 'smbd', 'nmbd', 'dnsmasq']);
  writeFileSync(join(dir, 'heartline.cf'), 'monitor smbd interval=30s\ntimeouts smbd start=5min\ntimeouts nmbd stop=90s start=2s\ntimeouts dnsmsaq start=1s\n');
  const run = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`^${dir}/heartline\\.cf:4:10: warning HEARTLINE_CF_UNMATCHED 'dnsmsaq' matches no resource and no resource type of haresources\n {4}hint: `, 'm'));
  assert.match(run.stdout, /haresources:1 smbd -> agent \* \(script\) \(@heartline\/agent-lsb\), monitored every 30 s \(heartline\.cf:1\), start timeout 300 s \(heartline\.cf:2\)$/m);
  assert.match(run.stdout, /haresources:1 nmbd -> agent \* \(script\) \(@heartline\/agent-lsb\), not monitored, start timeout 2 s \(heartline\.cf:3\), stop timeout 90 s \(heartline\.cf:3\)$/m);
  assert.match(run.stdout, /haresources:1 dnsmasq -> agent \* \(script\) \(@heartline\/agent-lsb\), not monitored$/m, 'the defaults are not shown');

  const json = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir(), '--json']);
  const resources = (JSON.parse(json.stdout) as { resources: Array<{ resource: string; timeouts: unknown }> }).resources;
  assert.deepEqual(Object.fromEntries(resources.map((r) => [r.resource, r.timeouts])), {
    bypassd: { startMs: 120_000, stopMs: 120_000, startOrigin: 'default', stopOrigin: 'default' },
    smbd: { startMs: 300_000, stopMs: 120_000, startOrigin: 'heartline.cf:2', stopOrigin: 'default' },
    nmbd: { startMs: 2000, stopMs: 90_000, startOrigin: 'heartline.cf:3', stopOrigin: 'heartline.cf:3' },
    dnsmasq: { startMs: 120_000, stopMs: 120_000, startOrigin: 'default', stopOrigin: 'default' },
  });

  writeFileSync(join(dir, 'heartline.cf'), 'timeouts smbd start=500ms\n');
  const bad = await runHa(['config', 'check', '--config-dir', dir, '--init-dir', emptyInitDir()]);
  assert.equal(bad.code, 78);
  assert.match(bad.stdout, new RegExp(`^${dir}/heartline\\.cf:1:15: error HEARTLINE_CF_TIMEOUTS_BAD_VALUE start=500ms: too short: the allowed range is 1s to 1h\n {4}hint: Write \`timeouts RESOURCE-OR-TYPE`, 'm'));
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
