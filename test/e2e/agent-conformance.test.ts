import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ConformanceReport } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { installLsbService } from '../lib/LsbFixtures.js';
import { NodeApacheSite } from '../lib/NodeApacheSite.js';
import { repoRoot } from '../lib/repoRoot.js';
import { runCommand, type CommandResult } from '../lib/runCommand.js';

// `ha agent test` against every agent of the repository, each running for real where it touches the
// system: inside one lab node (its own network namespace with hleth0 at 10.213.0.11/24 and IPv6 on,
// its own /etc/ha.d, /etc/init.d, /run and /var/log), never in the root namespace. LSB init scripts
// (the lab's hlsvc fixture, and as ClearOS's bypassd), a heartbeat resource.d script (heartbeat's own
// Delay), an OCF agent (resource-agents' Dummy), IPaddr, IPaddr2 and IPv6addr on hleth0, apache,
// apache2 and httpd with a site of the node's own, and the example agent of docs/writing-an-agent.md
// linked with `ha plugins link` all pass; test/fixtures/lsb/hlbroken fails exactly the checks its
// faults break. Whatever a run leaves behind dies with the lab.
const skip = e2eSkipReason({
  root: true,
  commands: ['ip', 'unshare', 'nsenter', 'arping'],
  files: [
    '/etc/ha.d/resource.d/Delay',
    '/usr/lib/ocf/resource.d/heartbeat/Dummy',
    '/usr/sbin/apache2',
    '/usr/lib/apache2/modules/mod_mpm_event.so',
  ],
});

const haBin = join(repoRoot, 'packages', 'cli', 'bin', 'ha.js');
const exampleDir = join(repoRoot, 'examples', 'agent-hello');
const brokenFixture = join(repoRoot, 'test', 'fixtures', 'lsb', 'hlbroken');

type Report = ConformanceReport & { readonly plugins: readonly string[] };

/** The example compiled with its own tsconfig, as its author builds it. */
const buildExample = () =>
  runCommand(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', exampleDir], { timeoutMs: 120_000 });

describe('examples/agent-hello is the result of docs/writing-an-agent.md', () => {
  test('every file the walk-through shows is the example\'s file, as it is', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'writing-an-agent.md'), 'utf8');
    const shown = [...doc.matchAll(/^<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)\n```$/gm)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
    assert.deepEqual(shown.map(([file]) => file), ['package.json', 'tsconfig.json', 'src/HelloAgent.ts', 'test/HelloAgent.test.ts']);
    for (const [file, text] of shown) assert.equal(text, readFileSync(join(exampleDir, file), 'utf8').trimEnd(), `docs/writing-an-agent.md shows ${file} as it is`);
  });

  test('it builds with its own tsconfig, and its own tests pass', async () => {
    await buildExample();
    // Its tests run in a node:test of their own, not as children of this one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_TEST_CONTEXT'));
    const r = await runCommand(process.execPath, ['--test', join(exampleDir, 'dist', 'test')], { env, allowFailure: true, timeoutMs: 120_000 });
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /# pass 3\n# fail 0\n/);
  });
});

describe('ha agent test: every agent of the repository passes, the broken fixture fails what it breaks', { skip, timeout: 600_000 }, () => {
  const fixture = new LabFixture({ nodes: 1, ipv6: true });
  let node: LabNode;
  /** HOME and XDG directories of the `ha` run on the node: its plugin data (the linked example) stays out of root's. */
  let home: string;
  const env = (more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...process.env,
    ...more,
    HOME: join(home, 'home'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
  });
  const ha = (args: readonly string[], more: NodeJS.ProcessEnv = {}): Promise<CommandResult> =>
    node.exec(process.execPath, [haBin, ...args], { env: env(more), allowFailure: true, timeoutMs: 180_000 });

  /** `ha agent test WORDS… --json` on the node, with `more` in its environment (which scripts inherit). */
  async function agentTest(words: readonly string[], more: NodeJS.ProcessEnv = {}): Promise<{ code: number; report: Report; output: string }> {
    const r = await ha(['agent', 'test', ...words, '--json'], more);
    const output = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    let report: Report;
    try {
      report = JSON.parse(r.stdout) as Report;
    } catch {
      throw new Error(`ha agent test ${words.join(' ')} printed no report: ${output}`);
    }
    return { code: r.code, report, output };
  }

  /** Runs `words` and asserts every check passed but `skipped` (which must be skipped), served by `plugin`. */
  async function assertPasses(words: readonly string[], plugin: string, skipped: readonly string[] = [], more: NodeJS.ProcessEnv = {}): Promise<Report> {
    const { code, report, output } = await agentTest(words, more);
    const notPassed = report.checks.filter((c) => c.verdict !== 'pass');
    assert.deepEqual(notPassed.map((c) => `${c.id} ${c.verdict}`), skipped.map((id) => `${id} skip`), output);
    assert.equal(code, 0, output);
    assert.deepEqual(report.plugins, [plugin]);
    assert.deepEqual(report.warnings, []);
    return report;
  }

  before(async () => {
    node = fixture.lab.node(1);
    home = mkdtempSync(join(tmpdir(), 'hl-agent-test-home-'));
    // The example as its author builds it, linked as a plugin author does.
    await buildExample();
    const link = await ha(['plugins', 'link', '--no-install', exampleDir]);
    assert.equal(link.code, 0, `${link.stdout}${link.stderr}`);
  });

  after(() => {
    if (home !== undefined && !fixture.failed) rmSync(home, { recursive: true, force: true });
  });

  test('an LSB init script (the lab fixture), and the same script as ClearOS\'s bypassd', () =>
    fixture.guard(async () => {
      installLsbService(node, 'hlsvc');
      installLsbService(node, 'bypassd');
      const report = await assertPasses(['hlsvc'], '@heartline/agent-lsb', ['failed-start']);
      assert.equal(report.agent, '*');
      assert.equal((await assertPasses(['bypassd'], '@heartline/agent-lsb', ['failed-start'])).agent, 'bypassd');
    }));

  test('a heartbeat resource.d script: heartbeat\'s own Delay', () =>
    fixture.guard(async () => {
      // Its status sleeps OCF_RESKEY_mondelay, 30 s unless set: as long as the daemon's status timeout.
      const report = await assertPasses(['Delay', '0', '0'], '@heartline/agent-lsb', ['failed-start'], { OCF_RESKEY_mondelay: '0' });
      assert.deepEqual(report.operations.find((o) => o.operation === 'start')?.logs.some((l) => l.includes('/etc/ha.d/resource.d/Delay 0 0 start')), true);
    }));

  test('an OCF agent: resource-agents\' Dummy, a state file it cannot create being its failed start', () =>
    fixture.guard(async () => {
      const instances = join(node.configDir, 'conf', 'OCF', 'Dummy');
      mkdirSync(instances, { recursive: true });
      writeFileSync(join(instances, 'conformance'), 'state=/run/dummy-conformance.state\n');
      writeFileSync(join(instances, 'nowhere'), 'state=/nonexistent/dummy.state\n');
      await assertPasses(['OCF', 'Dummy', 'conformance', '--failing', 'Dummy::nowhere'], '@heartline/agent-lsb');
    }));

  test('IPaddr, IPaddr2 and IPv6addr on the node\'s interface, an interface that does not exist being their failed start', () =>
    fixture.guard(async () => {
      await assertPasses(['IPaddr', '10.213.0.50/24/hleth0', '--failing', '10.213.0.51/24/nosuch0'], '@heartline/agent-ipaddr');
      await assertPasses(['IPaddr2', '10.213.0.52/24/hleth0', '--failing', '10.213.0.53/24/nosuch0'], '@heartline/agent-ipaddr');
      await assertPasses(['IPv6addr', 'fd00:213::50/64/hleth0', '--failing', 'fd00:213::51/64/nosuch0'], '@heartline/agent-ipaddr');
      assert.doesNotMatch((await node.netExec('ip', ['addr', 'show', 'dev', 'hleth0'])).stdout, /10\.213\.0\.5\d|fd00:213::5/, 'no address left');
    }));

  test('apache, apache2 and httpd with the node\'s own site, a config apache refuses being their failed start', () =>
    fixture.guard(async () => {
      const site = new NodeApacheSite(node, undefined);
      site.write();
      const broken = join(site.dir, 'broken.conf');
      writeFileSync(broken, readFileSync(site.configPath, 'utf8').replace('DirectoryIndex index.html', 'Bogus directive\nDirectoryIndex index.html'));
      await assertPasses(['apache', site.configFile, '--failing', '/etc/ha.d/web/broken.conf'], '@heartline/agent-apache');
      await assertPasses(['apache2', site.configFile, '--failing', '/etc/ha.d/web/broken.conf'], '@heartline/agent-apache');
      await assertPasses(['httpd', site.configFile, 'httpd=/usr/sbin/apache2', '--failing', '/etc/ha.d/web/broken.conf::httpd=/usr/sbin/apache2'], '@heartline/agent-apache');
      assert.deepEqual(await site.apaches(), [], 'no apache left');
    }));

  test('the example agent of docs/writing-an-agent.md, linked with ha plugins link', () =>
    fixture.guard(async () => {
      await assertPasses(['Hello', '/run/hello-conformance', '--failing', '/nonexistent/greeting'], '@acme/heartline-agent-hello');
    }));

  test('the broken fixture fails exactly the checks its faults break, whether an init script or a resource.d script', () =>
    fixture.guard(async () => {
      copyFileSync(brokenFixture, join(node.initDir, 'hlbroken'));
      mkdirSync(join(node.configDir, 'hlbroken'), { recursive: true });
      writeFileSync(join(node.configDir, 'hlbroken', 'good.conf'), '');
      const expected = ['stop-never-started', 'start-again', 'stop-again', 'failed-start'];
      const { code, report, output } = await agentTest(['hlbroken', 'good', '--failing', 'missing']);
      assert.equal(code, 1, output);
      assert.deepEqual(report.checks.filter((c) => c.verdict !== 'pass').map((c) => c.id), expected, output);
      assert.match(report.checks.find((c) => c.id === 'failed-start')?.detail ?? '', /still running: pid \d+ \(sleep\)$/);
      // As a resource.d script it is found first (heartbeat looks there before init.d), and fails the same.
      copyFileSync(brokenFixture, join(node.configDir, 'resource.d', 'hlbroken'));
      const again = await agentTest(['hlbroken', 'good', '--failing', 'missing']);
      assert.deepEqual(again.report.checks.filter((c) => c.verdict !== 'pass').map((c) => c.id), expected, again.output);
      const started = (r: Report) => r.operations.find((o) => o.operation === 'start')?.logs ?? [];
      assert.ok(started(report).includes('info: Running /etc/init.d/hlbroken good start'), started(report).join('\n'));
      assert.ok(started(again.report).includes('info: Running /etc/ha.d/resource.d/hlbroken good start'), started(again.report).join('\n'));
      const text = await ha(['agent', 'test', 'hlbroken', 'good']);
      assert.equal(text.code, 1);
      assert.match(text.stderr, /^error AGENT_TEST_FAILED: hlbroken::good: 3 of 13 checks failed \(stop-never-started, start-again, stop-again\)$/m);
    }));
});
