import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haBin, type HaRun } from '../runHa.js';

// `ha plugins`, `ha config check` and `ha start` with plugins placed in oclif's data directory the
// way `ha plugins install` leaves them (the data dir's package.json and node_modules), without npm.
// test/e2e/registry-install.test.ts installs real ones from a registry.

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface FakePlugin {
  readonly name: string;
  readonly apiVersion: number;
  readonly coreRange: string;
  readonly agents: Readonly<Record<string, string>>;
}

/** A home whose oclif data directory holds `plugins` as installed ones. */
function homeWith(plugins: readonly FakePlugin[]): string {
  const home = mkdtempSync(join(tmpdir(), 'heartline-plugins-'));
  made.push(home);
  const dataDir = join(home, 'data', 'heartline');
  mkdirSync(dataDir, { recursive: true });
  for (const p of plugins) {
    const root = join(dataDir, 'node_modules', p.name);
    mkdirSync(root, { recursive: true });
    const pjson = { name: p.name, version: '1.0.0', type: 'module', peerDependencies: { '@heartline/core': p.coreRange }, oclif: {}, heartline: { apiVersion: p.apiVersion, agents: p.agents } };
    writeFileSync(join(root, 'package.json'), JSON.stringify(pjson));
  }
  const userPlugins = plugins.map((p) => ({ name: p.name, tag: 'latest', type: 'user' }));
  writeFileSync(join(dataDir, 'package.json'), JSON.stringify({ private: true, oclif: { schema: 1, plugins: userPlugins } }));
  return home;
}

function ha(home: string, args: readonly string[]): Promise<HaRun> {
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') };
  return new Promise((resolve) => {
    execFile(process.execPath, [haBin, ...args], { timeout: 30_000, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** A configuration directory whose haresources runs `resources` on node1. */
function configDir(home: string, resources: string): string {
  const dir = join(home, 'ha.d');
  mkdirSync(dir);
  writeFileSync(join(dir, 'ha.cf'), 'logfacility none\nkeepalive 1\ndeadtime 5\nbcast lo\nauto_failback on\nnode node1\nnode node2\n');
  writeFileSync(join(dir, 'haresources'), `node1 ${resources}\n`);
  writeFileSync(join(dir, 'authkeys'), 'auth 1\n1 sha1 test-key\n', { mode: 0o600 });
  chmodSync(join(dir, 'authkeys'), 0o600);
  return dir;
}

test('ha plugins lists the bundled plugins with what each serves (oclif said "No plugins installed.")', async () => {
  const r = await ha(homeWith([]), ['plugins']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ {2}@heartline\/agent-ipaddr \d+\.\d+\.\d+ \(bundled\): agents IPaddr, IPaddr2, IPv6addr$/m);
  assert.match(r.stdout, /^ {2}@heartline\/transport-udp \d+\.\d+\.\d+ \(bundled\): media bcast, mcast, ucast, mcast6, ucast6$/m);
  assert.match(r.stdout, /^ {2}IPaddr +→ @heartline\/agent-ipaddr$/m);
  assert.match(r.stdout, /^ {2}bcast +→ @heartline\/transport-udp$/m);
  assert.match(r.stdout, /^ {2}\* +→ @heartline\/agent-lsb \(any other name/m);
  assert.doesNotMatch(r.stdout, /No plugins installed|plugin-help/);
  const withCore = await ha(homeWith([]), ['plugins', '--core']);
  assert.match(withCore.stdout, /@oclif\/plugin-help .* \(bundled\): an oclif plugin, serves nothing to Heartline/);
});

test('ha plugins --json: every plugin with origin and types, and who serves each type', async () => {
  const home = homeWith([{ name: '@acme/heartline-agent-marker', apiVersion: 1, coreRange: '>=0.1.0', agents: { Marker: './Marker.js' } }]);
  const r = await ha(home, ['plugins', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const view = JSON.parse(r.stdout) as {
    plugins: Array<{ name: string; origin: string; agents: string[]; refused: unknown }>;
    agents: Record<string, string[]>;
    transports: Record<string, string[]>;
    problems: unknown[];
  };
  const marker = view.plugins.find((p) => p.name === '@acme/heartline-agent-marker');
  assert.deepEqual(marker && [marker.origin, marker.agents, marker.refused], ['installed', ['Marker'], null]);
  assert.deepEqual(view.agents['Marker'], ['@acme/heartline-agent-marker']);
  assert.deepEqual(view.agents['IPaddr'], ['@heartline/agent-ipaddr']);
  assert.deepEqual(view.transports['serial'], ['@heartline/transport-serial']);
  assert.deepEqual(view.problems, []);
});

test('a plugin for another plugin API is refused by ha plugins, ha config check and ha start, both versions named', async () => {
  const home = homeWith([{ name: '@acme/heartline-agent-future', apiVersion: 99, coreRange: '>=0.1.0', agents: { Future: './Future.js' } }]);
  const listing = await ha(home, ['plugins']);
  assert.equal(listing.code, 78);
  assert.match(listing.stdout, /^ {2}@acme\/heartline-agent-future 1\.0\.0 \(installed\): refused, DAEMON_PLUGIN_API_VERSION \(below\)$/m);
  assert.match(listing.stdout, /^ {2}error DAEMON_PLUGIN_API_VERSION: plugin @acme\/heartline-agent-future declares heartline\.apiVersion 99; this Heartline implements 1$/m);
  assert.doesNotMatch(listing.stdout, /Future +→/);
  const dir = configDir(home, 'IPaddr::10.213.0.100/24');
  for (const args of [['config', 'check', '--config-dir', dir], ['start', '--config-dir', dir, '--state-dir', join(home, 'state'), '--run-dir', join(home, 'run')]]) {
    const r = await ha(home, args);
    assert.equal(r.code, 78, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /error DAEMON_PLUGIN_API_VERSION: .*apiVersion 99; this Heartline implements 1/);
  }
});

test('a plugin for another @heartline/core is refused by ha plugins and ha start, both versions named', async () => {
  const home = homeWith([{ name: '@acme/heartline-agent-old', apiVersion: 1, coreRange: '^9.0.0', agents: { Old: './Old.js' } }]);
  const listing = await ha(home, ['plugins', '--json']);
  assert.equal(listing.code, 78);
  const view = JSON.parse(listing.stdout) as { core: string; problems: Array<{ code: string; message: string }> };
  assert.deepEqual(view.problems.map((p) => [p.code, p.message]), [
    ['DAEMON_PLUGIN_CORE_VERSION', `plugin @acme/heartline-agent-old 1.0.0 needs @heartline/core ^9.0.0; this Heartline runs @heartline/core ${view.core}`],
  ]);
  const dir = configDir(home, 'IPaddr::10.213.0.100/24');
  const start = await ha(home, ['start', '--config-dir', dir, '--state-dir', join(home, 'state'), '--run-dir', join(home, 'run')]);
  assert.equal(start.code, 78, start.stderr);
  assert.match(start.stderr, /error DAEMON_PLUGIN_CORE_VERSION: .*needs @heartline\/core \^9\.0\.0; this Heartline runs @heartline\/core \d/);
});

test('two plugins claiming one resource type: RESOURCE_AGENT_CONFLICT from ha plugins and ha config check', async () => {
  const home = homeWith([{ name: '@acme/heartline-agent-ip', apiVersion: 1, coreRange: '>=0.1.0', agents: { IPaddr: './Ip.js' } }]);
  const listing = await ha(home, ['plugins']);
  assert.equal(listing.code, 78);
  assert.match(listing.stdout, /^ {2}IPaddr +→ @acme\/heartline-agent-ip and @heartline\/agent-ipaddr {3}error RESOURCE_AGENT_CONFLICT$/m);
  assert.match(listing.stdout, /error RESOURCE_AGENT_CONFLICT: resource type "IPaddr" is provided by both @acme\/heartline-agent-ip and @heartline\/agent-ipaddr/);
  const check = await ha(home, ['config', 'check', '--config-dir', configDir(home, 'IPaddr::10.213.0.100/24')]);
  assert.equal(check.code, 78, check.stdout + check.stderr);
  assert.match(check.stderr, /error RESOURCE_AGENT_CONFLICT: resource type "IPaddr" is provided by both/);
});
