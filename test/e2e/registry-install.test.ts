import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import semver from 'semver';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { LoopbackRegistry } from '../lib/LoopbackRegistry.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { NpmSandbox } from '../lib/NpmSandbox.js';
import { publicRegistrySkipReason } from '../lib/publicRegistrySkipReason.js';
import { repoRoot } from '../lib/repoRoot.js';
import type { CommandResult } from '../lib/runCommand.js';
import { runCommand } from '../lib/runCommand.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';
import { writeThirdPartyAgent } from '../lib/writeThirdPartyAgent.js';

// Heartline as a user gets it: every workspace package packed and published to a registry on
// loopback, `npm install -g @heartline/cli` into an empty prefix, then a third-party agent
// published there too and added with `ha plugins install`; plugins made for another plugin API or
// another @heartline/core are refused at install. Only the @heartline and @acme scopes come from the
// loopback registry; oclif, execa and the rest come from the machine's npm registry. As root, two
// lab nodes then run the installed `ha` with the installed agent and fail its resource over.
const skip = await publicRegistrySkipReason();

interface PackedFile {
  readonly path: string;
}
interface Packed {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly PackedFile[];
}
interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly main?: string;
  readonly types?: string;
  readonly bin?: Record<string, string>;
  readonly exports?: unknown;
  readonly engines?: Record<string, string>;
  readonly publishConfig?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly heartline?: { readonly agents?: Record<string, string>; readonly transports?: Record<string, string> };
  readonly oclif?: { readonly commands?: { readonly target?: string }; readonly hooks?: Record<string, unknown> };
}
interface PluginsJson {
  readonly plugins: ReadonlyArray<{ name: string; version: string; origin: string; agents: string[]; transports: string[] }>;
  readonly agents: Record<string, string[]>;
  readonly transports: Record<string, string[]>;
  readonly problems: readonly unknown[];
}
interface CheckJson {
  readonly ok: boolean;
  readonly resources: ReadonlyArray<{ type: string; agent: string | null; plugins: string[] }>;
}

const MARKER = { name: '@acme/heartline-agent-marker', version: '1.0.0', type: 'Marker' };

/** Every file a package.json points at: main, types, bin, exports, heartline modules, oclif commands and hooks. */
function targetsOf(pjson: PackageJson): string[] {
  const targets = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(targets) : [];
  const modules = [...Object.values(pjson.heartline?.agents ?? {}), ...Object.values(pjson.heartline?.transports ?? {})].map((t) => t.split('#')[0] ?? '');
  const hooks = targets(pjson.oclif?.hooks).filter((t) => t.startsWith('./'));
  return [pjson.main, pjson.types, ...Object.values(pjson.bin ?? {}), ...targets(pjson.exports), ...modules, pjson.oclif?.commands?.target, ...hooks]
    .filter((t): t is string => t !== undefined)
    .map((t) => t.replace(/^\.\//, ''));
}

const output = (r: CommandResult): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

describe('Heartline installed from a registry, and a third-party agent with ha plugins install', { skip, timeout: 300_000 }, () => {
  let registry: LoopbackRegistry;
  let sandbox: NpmSandbox;
  let packed: Packed[] = [];
  let failed = false;
  const guard = async (body: () => Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const configDir = (): string => join(sandbox.dir, 'ha.d');
  const pluginsJson = async (): Promise<PluginsJson> => {
    const r = await sandbox.ha(['plugins', '--json']);
    assert.equal(r.code, 0, output(r));
    return JSON.parse(r.stdout) as PluginsJson;
  };
  const checkJson = async (): Promise<CheckJson> => {
    const r = await sandbox.ha(['config', 'check', '--config-dir', configDir(), '--json']);
    return JSON.parse(r.stdout) as CheckJson;
  };
  /** Writes a third-party agent package into the sandbox and publishes it to the loopback registry. */
  const publishAgent = async (options: Parameters<typeof writeThirdPartyAgent>[1]): Promise<void> => {
    const dir = join(sandbox.dir, 'src', options.name);
    writeThirdPartyAgent(dir, options);
    const r = await sandbox.npm(['publish', dir]);
    assert.equal(r.code, 0, output(r));
  };

  before(async () => {
    registry = await LoopbackRegistry.start();
    sandbox = await NpmSandbox.create(registry, ['@heartline', '@acme']);
  });

  after(async () => {
    await registry?.stop();
    // Unset when the before hook failed early.
    if ((sandbox as NpmSandbox | undefined) === undefined) return;
    if (failed) console.log(`npm sandbox kept in ${sandbox.dir}`);
    else sandbox.remove();
  });

  test('every workspace package packs with its README and every file its package.json points at', () =>
    guard(async () => {
      const r = await sandbox.npm(['pack', '--workspaces', '--json', '--pack-destination', sandbox.dir], { cwd: repoRoot });
      assert.equal(r.code, 0, output(r));
      packed = JSON.parse(r.stdout) as Packed[];
      const workspaces = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
      assert.equal(packed.length, workspaces.length);
      const core = packed.find((p) => p.name === '@heartline/core');
      assert.ok(core, 'core is packed');
      for (const p of packed) {
        const dir = workspaces.find((w) => JSON.parse(readFileSync(join(repoRoot, w, 'package.json'), 'utf8')).name === p.name);
        assert.ok(dir, `${p.name} is a workspace`);
        const pjson = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as PackageJson;
        const files = new Set(p.files.map((f) => f.path));
        for (const needed of ['package.json', 'README.md', ...targetsOf(pjson)]) assert.ok(files.has(needed), `${p.name} packs ${needed}`);
        assert.deepEqual([...files].filter((f) => /^(dist\/test|test|src)\//.test(f)), [], `${p.name} packs no tests or sources`);
        assert.equal(p.version, core.version, `${p.name}: lockstep versions`);
        assert.equal(pjson.license, 'GPL-2.0-or-later', `${p.name} license`);
        assert.equal(pjson.engines?.['node'], '>=20.19', `${p.name} engines`);
        assert.equal(pjson.publishConfig?.['access'], 'public', `${p.name} publishes as a public scoped package`);
        if (pjson.heartline !== undefined) {
          const range = pjson.peerDependencies?.['@heartline/core'];
          assert.ok(range !== undefined && semver.satisfies(core.version, range), `${p.name} peer-depends on this core (${range})`);
          assert.equal(pjson.dependencies?.['@heartline/core'], undefined, `${p.name} has core as a peer only`);
        }
        for (const [dep, spec] of Object.entries(pjson.dependencies ?? {})) {
          if (dep.startsWith('@heartline/')) assert.equal(spec, core.version, `${p.name} depends on ${dep} at the release's version`);
        }
      }
    }));

  test('every package publishes to the loopback registry', () =>
    guard(async () => {
      for (const p of packed) {
        const r = await sandbox.npm(['publish', join(sandbox.dir, p.filename)]);
        assert.equal(r.code, 0, output(r));
        assert.deepEqual(registry.versions(p.name), [p.version]);
      }
    }));

  test('npm install -g @heartline/cli into an empty prefix gives a working ha with its bundled plugins', () =>
    guard(async () => {
      const r = await sandbox.npm(['install', '-g', '--prefix', sandbox.prefix, '@heartline/cli'], { timeoutMs: 180_000 });
      assert.equal(r.code, 0, output(r));
      assert.ok(existsSync(join(sandbox.prefix, 'bin', 'ha')), 'the ha bin is linked');
      const version = await sandbox.ha(['--version']);
      assert.equal(version.code, 0, output(version));
      assert.match(version.stdout, /^@heartline\/cli\/0\.\d+\.\d+ /);
      const listing = await sandbox.ha(['plugins']);
      assert.equal(listing.code, 0, output(listing));
      assert.match(listing.stdout, /IPaddr\s+→ @heartline\/agent-ipaddr\n/);
      assert.match(listing.stdout, /bcast\s+→ @heartline\/transport-udp\n/);
      const plugins = await pluginsJson();
      assert.deepEqual(plugins.plugins.map((p) => `${p.name} ${p.origin}`).sort(), [
        '@heartline/agent-apache bundled', '@heartline/agent-ipaddr bundled', '@heartline/agent-lsb bundled',
        '@heartline/transport-serial bundled', '@heartline/transport-udp bundled',
      ]);
      assert.deepEqual(plugins.problems, []);
    }));

  test('ha config check serves a type no plugin names with the bundled script agent', () =>
    guard(async () => {
      mkdirSync(configDir());
      writeHaConfig(configDir(), {
        nodes: ['node1', 'node2'],
        iface: 'lo',
        media: [{ kind: 'bcast' }],
        haresources: `node1 ${MARKER.type}::/run/acme-marker\n`,
      });
      const check = await checkJson();
      assert.deepEqual(check.resources.map((r) => [r.type, r.agent, r.plugins]), [[MARKER.type, '*', ['@heartline/agent-lsb']]]);
    }));

  test('a plugin made for another @heartline/core is refused at install, both versions named', () =>
    guard(async () => {
      // A newer core in the registry, so that npm can satisfy the plugin's peer range on its own. (Run
      // before any other plugin is installed: all plugins share one tree, where npm itself refuses two
      // plugins whose core ranges do not meet.)
      const core = packed.find((p) => p.name === '@heartline/core')!;
      const unpacked = join(sandbox.dir, 'core-next');
      mkdirSync(unpacked);
      await runCommand('tar', ['-xzf', join(sandbox.dir, core.filename), '-C', unpacked]);
      const pjsonPath = join(unpacked, 'package', 'package.json');
      const next = semver.inc(core.version, 'minor')!;
      writeFileSync(pjsonPath, JSON.stringify({ ...JSON.parse(readFileSync(pjsonPath, 'utf8')), version: next }, null, 2));
      const published = await sandbox.npm(['publish', join(unpacked, 'package'), '--tag', 'next']);
      assert.equal(published.code, 0, output(published));
      const name = '@acme/heartline-agent-nextcore';
      await publishAgent({ name, version: '1.0.0', type: 'NextCore', apiVersion: 1, coreRange: `^${next}` });
      const r = await sandbox.ha(['plugins', 'install', name]);
      assert.equal(r.code, 78, output(r));
      assert.match(r.stderr, /DAEMON_PLUGIN_CORE_VERSION/);
      assert.ok(r.stderr.includes(`needs @heartline/core ^${next}; this Heartline runs @heartline/core ${core.version}`), r.stderr);
      const plugins = await pluginsJson();
      assert.deepEqual(plugins.plugins.filter((p) => p.name === name), []);
    }));

  test('a third-party agent from the registry installs with ha plugins install and serves its type', () =>
    guard(async () => {
      await publishAgent({ ...MARKER, apiVersion: 1, coreRange: '^0.1.0' });
      const r = await sandbox.ha(['plugins', 'install', MARKER.name]);
      assert.equal(r.code, 0, output(r));
      // npm installed its peer: the plugin brings its own copy of core, as DESIGN.md says.
      assert.ok(existsSync(join(sandbox.haDataDir, 'node_modules', '@heartline', 'core', 'package.json')));
      const plugins = await pluginsJson();
      const marker = plugins.plugins.find((p) => p.name === MARKER.name);
      assert.deepEqual(marker && [marker.version, marker.origin, marker.agents], [MARKER.version, 'installed', [MARKER.type]]);
      assert.deepEqual(plugins.agents[MARKER.type], [MARKER.name]);
      const listing = await sandbox.ha(['plugins']);
      assert.match(listing.stdout, new RegExp(`${MARKER.type}\\s+→ ${MARKER.name}\\n`));
      const check = await checkJson();
      assert.equal(check.ok, true);
      assert.deepEqual(check.resources.map((r) => [r.type, r.agent, r.plugins]), [[MARKER.type, MARKER.type, [MARKER.name]]]);
    }));

  test('a plugin declaring heartline.apiVersion 99 is refused at install, both versions named, and uninstalled again', () =>
    guard(async () => {
      const name = '@acme/heartline-agent-future';
      await publishAgent({ name, version: '1.0.0', type: 'Future', apiVersion: 99, coreRange: '^0.1.0' });
      const r = await sandbox.ha(['plugins', 'install', name]);
      assert.equal(r.code, 78, output(r));
      assert.match(r.stderr, /DAEMON_PLUGIN_API_VERSION/);
      assert.match(r.stderr, /heartline\.apiVersion 99; this Heartline implements 1/);
      const plugins = await pluginsJson();
      assert.deepEqual(plugins.plugins.filter((p) => p.name === name), []);
      assert.deepEqual(plugins.agents[MARKER.type], [MARKER.name], 'the plugin installed before stays');
      assert.equal(existsSync(join(sandbox.haDataDir, 'node_modules', name)), false);
    }));

  describe('two lab nodes running the installed ha', { skip: e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] }) }, () => {
    let lab: NetnsLab;
    let daemons: ClusterDaemon[] = [];
    const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
      lab = built;
      daemons = built.nodes.map((node) => f.closeAfter(heartlineDaemon(node, 30_000, sandbox.haCommand())));
    });
    /** The node whose marker file says it holds the resource (the agent writes its host name). */
    const holder = (node: LabNode): string | undefined => {
      const file = join(node.runDir, 'acme-marker');
      return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
    };

    test('the installed agent runs on its home node and fails over when that node dies', () =>
      fixture.guard(async () => {
        writeBcastGroupConfig(lab, { haresources: `node1 ${MARKER.type}::/run/acme-marker\n`, autoFailback: 'on' });
        const [node1, node2] = [lab.node(1), lab.node(2)];
        await Promise.all(daemons.map((d) => d.start()));
        await waitUntil('node1 to start its Marker resource', () => (holder(node1) === 'node1' ? true : undefined), { timeoutMs: 30_000 });
        assert.equal(holder(node2), undefined, 'never on both nodes');
        await node1.crash();
        await waitUntil('node2 to take the Marker resource over', () => (holder(node2) === 'node2' ? true : undefined), { timeoutMs: 20_000 });
        await daemons[1]!.stop();
        assert.equal(holder(node2), undefined, 'a graceful stop releases the resource');
      }));
  });
});
