import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import semver from 'semver';
import { pluginApiVersion } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { NpmSandbox } from '../lib/NpmSandbox.js';
import { VerdaccioRegistry } from '../lib/VerdaccioRegistry.js';
import { publicRegistrySkipReason } from '../lib/publicRegistrySkipReason.js';
import { repoRoot } from '../lib/repoRoot.js';
import type { CommandResult } from '../lib/runCommand.js';
import { runCommand } from '../lib/runCommand.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';
import { writeThirdPartyAgent } from '../lib/writeThirdPartyAgent.js';

// Heartline as a user gets it: every workspace package packed and published to a real registry
// (verdaccio 6.8.0 from the root devDependencies, on loopback, its storage in a temporary directory),
// `npm install -g @heartline/cli` into an empty prefix, then the example agent of
// docs/writing-an-agent.md (examples/agent-hello) published there too, added with `ha plugins
// install`, named by `ha plugins` and `ha config check`, and passed by `ha agent test`; plugins made
// for another plugin API or another @heartline/core are refused at install, by name. Only the
// @heartline and @acme scopes come from verdaccio; oclif, execa and the rest come from the machine's
// npm registry, into the sandbox's own npm cache. As root, two lab nodes then run the installed `ha`
// with the installed agent and fail its resource over. Nothing is left: verdaccio is killed, its
// directory and the sandbox removed (both kept, with their paths printed, when a test failed).
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

const exampleDir = join(repoRoot, 'examples', 'agent-hello');
const HELLO = { name: '@acme/heartline-agent-hello', type: 'Hello' };

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

describe('Heartline installed from a registry, and the example agent with ha plugins install', { skip, timeout: 300_000 }, () => {
  let registry: VerdaccioRegistry;
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
  /** Writes a third-party agent package into the sandbox and publishes it to the registry. */
  const publishAgent = async (options: Parameters<typeof writeThirdPartyAgent>[1]): Promise<void> => {
    const dir = join(sandbox.dir, 'src', options.name);
    writeThirdPartyAgent(dir, options);
    const r = await sandbox.npm(['publish', dir]);
    assert.equal(r.code, 0, output(r));
  };

  before(async () => {
    registry = await VerdaccioRegistry.start();
    sandbox = await NpmSandbox.create(registry, ['@heartline', '@acme']);
  });

  after(async () => {
    // Unset when the before hook failed early.
    await (registry as VerdaccioRegistry | undefined)?.stop({ keepFiles: failed });
    if (failed && registry !== undefined) console.log(`verdaccio's directory kept in ${registry.dir}`);
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
      assert.ok(core.files.some((f) => f.path === 'dist/src/sdk.js'), 'core packs the agent SDK entry');
    }));

  test('examples/agent-hello builds with its own tsconfig and packs as a plugin of this core (npm pack runs its prepack)', () =>
    guard(async () => {
      const r = await sandbox.npm(['pack', '--json', '--pack-destination', sandbox.dir], { cwd: exampleDir });
      assert.equal(r.code, 0, output(r));
      const [hello] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Packed[];
      assert.ok(hello !== undefined && hello.name === HELLO.name, r.stdout);
      const pjson = JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8')) as PackageJson & { heartline: { apiVersion: number } };
      const files = hello.files.map((f) => f.path).sort();
      assert.deepEqual(files.filter((f) => !f.endsWith('.map') && !f.endsWith('.d.ts')), ['README.md', 'dist/src/HelloAgent.js', 'package.json']);
      for (const needed of targetsOf(pjson)) assert.ok(files.includes(needed), `${HELLO.name} packs ${needed}`);
      assert.equal(pjson.heartline.apiVersion, pluginApiVersion);
      const core = packed.find((p) => p.name === '@heartline/core')!;
      assert.ok(semver.satisfies(core.version, pjson.peerDependencies?.['@heartline/core'] ?? ''), 'the example peer-depends on this core');
      packed.push(hello);
    }));

  test('every package, and the example agent, publishes to verdaccio', () =>
    guard(async () => {
      for (const p of packed) {
        const r = await sandbox.npm(['publish', join(sandbox.dir, p.filename)]);
        assert.equal(r.code, 0, output(r));
        assert.deepEqual(await registry.versions(p.name), [p.version]);
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
      // Every Heartline plugin the CLI bundles (oclif.plugins of its package.json), from the registry.
      const cli = JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { oclif: { plugins: string[] } };
      const bundled = cli.oclif.plugins.filter((name) => name.startsWith('@heartline/')).map((name) => `${name} bundled`).sort();
      assert.ok(bundled.includes('@heartline/agent-lsb bundled'), bundled.join(', '));
      assert.deepEqual(plugins.plugins.map((p) => `${p.name} ${p.origin}`).sort(), bundled);
      assert.deepEqual(plugins.problems, []);
    }));

  test('ha config check serves a type no plugin names with the bundled script agent', () =>
    guard(async () => {
      mkdirSync(configDir());
      writeHaConfig(configDir(), {
        nodes: ['node1', 'node2'],
        iface: 'lo',
        media: [{ kind: 'bcast' }],
        haresources: `node1 ${HELLO.type}::/run/hello-greeting\n`,
      });
      const check = await checkJson();
      assert.deepEqual(check.resources.map((r) => [r.type, r.agent, r.plugins]), [[HELLO.type, '*', ['@heartline/agent-lsb']]]);
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
      assert.ok(r.stderr.includes(`plugin ${name} 1.0.0 needs @heartline/core ^${next}; this Heartline runs @heartline/core ${core.version}`), r.stderr);
      const plugins = await pluginsJson();
      assert.deepEqual(plugins.plugins.filter((p) => p.name === name), []);
    }));

  test('the example agent installs from the registry with ha plugins install; ha plugins and ha config check name it', () =>
    guard(async () => {
      const r = await sandbox.ha(['plugins', 'install', HELLO.name]);
      assert.equal(r.code, 0, output(r));
      // npm installed its peer: the plugin brings its own copy of core, as DESIGN.md says.
      assert.ok(existsSync(join(sandbox.haDataDir, 'node_modules', '@heartline', 'core', 'package.json')));
      const plugins = await pluginsJson();
      const hello = plugins.plugins.find((p) => p.name === HELLO.name);
      assert.deepEqual(hello && [hello.version, hello.origin, hello.agents], ['1.0.0', 'installed', [HELLO.type]]);
      assert.deepEqual(plugins.agents[HELLO.type], [HELLO.name]);
      assert.deepEqual(plugins.problems, []);
      const listing = await sandbox.ha(['plugins']);
      assert.match(listing.stdout, new RegExp(`${HELLO.name} 1\\.0\\.0 \\(installed\\): agents ${HELLO.type}\\n`));
      assert.match(listing.stdout, new RegExp(`${HELLO.type}\\s+→ ${HELLO.name}\\n`));
      const check = await checkJson();
      assert.equal(check.ok, true);
      assert.deepEqual(check.resources.map((r) => [r.type, r.agent, r.plugins]), [[HELLO.type, HELLO.type, [HELLO.name]]]);
      const text = await sandbox.ha(['config', 'check', '--config-dir', configDir()]);
      assert.match(text.stdout, new RegExp(`haresources:1 ${HELLO.type}::/run/hello-greeting -> agent ${HELLO.type} \\(${HELLO.name}\\), monitored every 10 s \\(agent default\\)`));
    }));

  test('ha agent test passes the installed example agent, its failed start included', () =>
    guard(async () => {
      const greeting = join(sandbox.dir, 'work', 'greeting');
      const r = await sandbox.ha(['agent', 'test', HELLO.type, greeting, '--failing', join(sandbox.dir, 'nowhere', 'greeting'), '--config-dir', configDir(), '--json']);
      assert.equal(r.code, 0, output(r));
      const report = JSON.parse(r.stdout) as { ok: boolean; agent: string; plugins: string[]; checks: Array<{ id: string; verdict: string }> };
      assert.deepEqual([report.ok, report.agent, report.plugins], [true, HELLO.type, [HELLO.name]]);
      assert.deepEqual(report.checks.filter((c) => c.verdict !== 'pass'), []);
      assert.equal(existsSync(greeting), false, 'stopped at the end');
    }));

  test('a plugin declaring heartline.apiVersion 99 is refused at install, by name, both versions named, and uninstalled again', () =>
    guard(async () => {
      const name = '@acme/heartline-agent-future';
      await publishAgent({ name, version: '1.0.0', type: 'Future', apiVersion: 99, coreRange: '^0.1.0' });
      const r = await sandbox.ha(['plugins', 'install', name]);
      assert.equal(r.code, 78, output(r));
      assert.match(r.stderr, /^error DAEMON_PLUGIN_API_VERSION: plugin @acme\/heartline-agent-future declares heartline\.apiVersion 99; this Heartline implements 1; ha plugins install uninstalled it again\./m);
      const plugins = await pluginsJson();
      assert.deepEqual(plugins.plugins.filter((p) => p.name === name), []);
      assert.deepEqual(plugins.agents[HELLO.type], [HELLO.name], 'the plugin installed before stays');
      assert.equal(existsSync(join(sandbox.haDataDir, 'node_modules', name)), false);
    }));

  describe('two lab nodes running the installed ha', { skip: e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] }) }, () => {
    let lab: NetnsLab;
    let daemons: ClusterDaemon[] = [];
    const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
      lab = built;
      daemons = built.nodes.map((node) => f.closeAfter(heartlineDaemon(node, 30_000, sandbox.haCommand())));
    });
    /** The node whose greeting file (in its own /run) names it: the agent writes `Hello from NODE`. */
    const holder = (node: LabNode): string | undefined => {
      const file = join(node.runDir, 'hello-greeting');
      return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
    };

    test('the group with the installed agent runs on its home node and fails over when that node dies', () =>
      fixture.guard(async () => {
        writeBcastGroupConfig(lab, { haresources: `node1 ${HELLO.type}::/run/hello-greeting\n`, autoFailback: 'on' });
        const [node1, node2] = [lab.node(1), lab.node(2)];
        await Promise.all(daemons.map((d) => d.start()));
        await waitUntil('node1 to start its Hello resource', () => (holder(node1) === 'Hello from node1' ? true : undefined), { timeoutMs: 30_000 });
        assert.equal(holder(node2), undefined, 'never on both nodes');
        await node1.crash();
        await waitUntil('node2 to take the Hello resource over', () => (holder(node2) === 'Hello from node2' ? true : undefined), { timeoutMs: 20_000 });
        await daemons[1]!.stop();
        assert.equal(holder(node2), undefined, 'a graceful stop releases the resource');
      }));
  });
});
