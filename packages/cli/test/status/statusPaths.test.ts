import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eSkipReason, VethPair } from '@heartline/core/testing';
import { haBin, type HaRun } from '../runHa.js';

// `ha status …` answers on two paths: bin/ha.js's fast one and the oclif commands
// (HEARTLINE_NO_FAST_STATUS=1). Both run here as the real binary against two real Heartline nodes
// in namespaces of their own, joined by a veth pair, and must print and exit alike.
const skip = e2eSkipReason({ root: true, commands: ['ip'] });

/** What the test waits for in `ha status --json`: both nodes active, links up, resources settled. */
interface StatusView {
  readonly nodes: ReadonlyArray<{ readonly status: string; readonly links: ReadonlyArray<{ readonly status: string }> }>;
  readonly resources?: { readonly stable: boolean; readonly resourceState: string };
}

const nodes = [
  { name: 'node1', iface: 'hlfs0', cidr: '10.213.0.1/24' },
  { name: 'node2', iface: 'hlfs1', cidr: '10.213.0.2/24' },
] as const;

describe('ha status: the fast path and the oclif path answer alike (two Heartline nodes in namespaces)', { skip }, () => {
  const pair = new VethPair('hlfs', { a: { iface: nodes[0].iface, cidr: nodes[0].cidr }, b: { iface: nodes[1].iface, cidr: nodes[1].cidr } });
  const daemons: Array<{ child: ChildProcess; exited: Promise<unknown>; out: string }> = [];
  let dir = '';
  const runDir = (i: number): string => join(dir, `node${i + 1}`, 'run');
  const netns = (i: number): string => (i === 0 ? pair.a : pair.b);

  /** The real `ha` in node1's namespace; `oclif` forces the oclif path, `probe` makes Node log each CommonJS module it loads. */
  const ha = (args: readonly string[], options: { oclif?: boolean; probe?: boolean } = {}): Promise<HaRun> => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['HEARTLINE_NO_FAST_STATUS'];
    delete env['NODE_DEBUG'];
    if (options.oclif === true) env['HEARTLINE_NO_FAST_STATUS'] = '1';
    if (options.probe === true) env['NODE_DEBUG'] = 'module';
    return new Promise((resolve) => {
      execFile('ip', ['netns', 'exec', netns(0), process.execPath, haBin, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
      });
    });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-status-paths-'));
    await pair.create();
    // libuv lists only running interfaces, and a fresh veth end gets its carrier a moment later.
    for (const [i, node] of nodes.entries()) {
      while (/NO-CARRIER|state DOWN/.test(await pair.ip(netns(i), 'link', 'show', node.iface))) await new Promise((r) => setTimeout(r, 20));
    }
    for (const [i, node] of nodes.entries()) {
      const cfg = join(dir, node.name, 'cfg');
      mkdirSync(cfg, { recursive: true });
      mkdirSync(runDir(i), { recursive: true });
      writeFileSync(join(cfg, 'ha.cf'), `keepalive 200ms\ndeadtime 2\ninitdead 4\nbcast ${node.iface}\nauto_failback on\nnode node1\nnode node2\n`);
      writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 status-paths-key\n');
      chmodSync(join(cfg, 'authkeys'), 0o600);
      writeFileSync(join(cfg, 'haresources'), '');
      const out = join(dir, node.name, 'out');
      const fd = openSync(out, 'w');
      const child = spawn('ip', ['netns', 'exec', netns(i), process.execPath, haBin, 'start', '--config-dir', cfg, '--node-name', node.name,
        '--state-dir', join(dir, node.name, 'state'), '--run-dir', runDir(i)], { stdio: ['ignore', fd, fd] });
      daemons.push({ child, exited: new Promise((r) => child.once('exit', r)), out });
    }
    const deadline = performance.now() + 45_000;
    for (;;) {
      const r = await ha(['status', '--json', '--run-dir', runDir(0)]);
      const view = r.code === 0 ? (JSON.parse(r.stdout) as StatusView) : undefined;
      const settled = view?.resources?.stable === true && view.resources.resourceState !== 'transition';
      if (settled && view.nodes.every((n) => n.status === 'active' && n.links.every((l) => l.status === 'up'))) break;
      if (performance.now() > deadline) throw new Error(`node1 never saw both nodes active: ${r.stdout}${r.stderr}\n${daemons.map((d) => readFileSync(d.out, 'utf8').slice(-1500)).join('\n---\n')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  after(async () => {
    for (const d of daemons) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGTERM');
    const killer = setTimeout(() => daemons.forEach((d) => d.child.kill('SIGKILL')), 15_000);
    await Promise.all(daemons.map((d) => d.exited));
    clearTimeout(killer);
    await pair.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `args` on both paths; they must agree; returns the fast path's run. */
  const bothPaths = async (args: readonly string[]): Promise<HaRun> => {
    const [fast, oclif] = [await ha(args), await ha(args, { oclif: true })];
    assert.deepEqual(fast, oclif, `ha ${args.join(' ')}: fast path vs oclif path`);
    return fast;
  };

  it('answers every question the same way on both paths, without loading oclif on the fast one', async () => {
    const rd = ['--run-dir', runDir(0)];
    const link = nodes[0].iface;
    const cases: Array<[string[], number, string | RegExp]> = [
      [['status', ...rd], 0, /^Heartline \S+ is running on this machine: node node1, status active, .*\n\nnode1\tactive\t\(nodetype: normal\)\t\(this node\)\n\thlfs0\tup\n\nnode2\tactive\t\(nodetype: normal\)\n\thlfs0\tup\n/],
      [['status', '--json', ...rd], 0, /^\{\n {2}"schema": 1,\n/],
      [['status', `--run-dir=${runDir(0)}`, '--json'], 0, /"localNode": "node1"/],
      [['status', 'hbstatus', ...rd], 0, 'Heartline is running on this machine.\n'],
      [['status', 'listnodes', ...rd], 0, 'node1\nnode2\n'],
      [['status', 'listnodes', '--normal', ...rd], 0, 'node1\nnode2\n'],
      [['status', 'listnodes', '-p', ...rd], 0, ''],
      [['status', 'listnodes', '-p', '-n', ...rd], 0, 'node1\nnode2\n'],
      [['status', 'nodestatus', 'node1', ...rd], 0, 'active\n'],
      [[...rd, 'status', 'nodestatus', 'node2'].slice(2).concat(rd), 0, 'active\n'],
      [['status', 'nodestatus', ...rd, 'node2'], 0, 'active\n'],
      [['status', 'nodestatus', 'node9', ...rd], 11, ''],
      [['status', 'nodetype', 'node2', ...rd], 0, 'normal\n'],
      [['status', 'nodetype', 'node9', ...rd], 11, ''],
      [['status', 'listhblinks', 'node2', ...rd], 0, `\t${link}\n`],
      [['status', 'listhblinks', 'node9', ...rd], 11, ''],
      [['status', 'hblinkstatus', 'node2', link, ...rd], 0, 'up\n'],
      [['status', 'hblinkstatus', 'node2', 'eth7', ...rd], 13, ''],
      [['status', 'hblinkstatus', 'node9', link, ...rd], 11, ''],
      [['status', 'rscstatus', ...rd], 0, /^(none|local|foreign|all)\n$/],
    ];
    for (const [args, code, stdout] of cases) {
      const r = await bothPaths(args);
      assert.equal(r.code, code, `ha ${args.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, `ha ${args.join(' ')}`);
      else assert.match(r.stdout, stdout, `ha ${args.join(' ')}`);
      if (code === 11) assert.match(r.stderr, /^error STATUS_UNKNOWN_NODE: node node9 is not in node1's node table\n {4}hint: .*\n {4}see: docs\/errors\.md#status_unknown_node\n$/);
      if (code === 13) assert.match(r.stderr, /^error STATUS_UNKNOWN_LINK: node node2 has no link eth7 \(links: hlfs0\)\n/);
      const probe = await ha(args, { probe: true });
      assert.doesNotMatch(probe.stderr, /@oclif|tsyringe|reflect-metadata/, `ha ${args.join(' ')} loaded oclif`);
      assert.equal(probe.stdout, r.stdout);
    }
  });

  it('hands help and bad command lines to oclif: same messages, same exit codes', async () => {
    const rd = ['--run-dir', runDir(0)];
    const cases: Array<[string[], number, RegExp]> = [
      [['status', '--help'], 0, /USAGE\n {2}\$ ha status \[--run-dir <value>\] \[--json\]/],
      [['status', 'nodestatus', '--help', ...rd], 0, /USAGE\n {2}\$ ha status nodestatus NODE/],
      [['status', 'listnodes', '--help'], 0, /-p, --ping/],
      [['status', 'listnodes', '-h', ...rd], 2, /Nonexistent flag: -h/],
      [['status', 'nodestatus', ...rd], 2, /Missing 1 required arg/],
      [['status', 'nodestatus', 'a', 'b', ...rd], 2, /Unexpected argument: b/],
      [['status', 'hblinkstatus', 'node2', ...rd], 2, /Missing 1 required arg/],
      [['status', '--bogus', ...rd], 2, /Nonexistent flag: --bogus/],
      [['status', 'listnodes', '-x', ...rd], 2, /Nonexistent flag: -x/],
      [['status', 'node2', ...rd], 2, /command status:node2 not found/],
    ];
    for (const [args, code, output] of cases) {
      const r = await bothPaths(args);
      assert.equal(r.code, code, `ha ${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout + r.stderr, output, `ha ${args.join(' ')}`);
    }
  });

  it('says the daemon is not running alike on both paths', async () => {
    const rd = ['--run-dir', join(dir, 'nowhere')];
    for (const args of [['status', ...rd], ['status', '--json', ...rd], ['status', 'nodestatus', 'node1', ...rd], ['status', 'listnodes', ...rd]]) {
      const r = await bothPaths(args);
      assert.equal(r.code, 1, `ha ${args.join(' ')}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^error STATUS_NOT_RUNNING: Heartline is stopped on this machine \(.*nowhere\/control\.sock: ENOENT\)\n {4}hint: /);
    }
    const hb = await bothPaths(['status', 'hbstatus', ...rd]);
    assert.deepEqual(hb, { code: 1, stdout: 'Heartline is stopped on this machine.\n', stderr: '' });
  });
});
