import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { FakeNotifySocket } from '../lib/FakeNotifySocket.js';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { installLsbService, isLsbServiceRunning } from '../lib/LsbFixtures.js';
import { repoRoot } from '../lib/repoRoot.js';
import { sleep } from '../lib/sleep.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig, type HaConfigOptions } from '../lib/writeHaConfig.js';

// Two Heartline nodes over bcast, node1's group an LSB service, node1 run as systemd would run it
// (a NOTIFY_SOCKET that a stand-in for systemd listens on). The node reports READY=1 once its group
// runs, a second `ha start` is refused with the running daemon's pid, and SIGHUP reloads: new
// timings and a rotated authkeys are applied on the running cluster, a broken ha.cf and a changed
// node list are refused, and nothing dies or stops on the way.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'tcpdump', 'systemd-notify', 'python3'] });

const NAMES = ['node1', 'node2'];
const SERVICE = 'hlreload';
const HA = join(repoRoot, 'packages/cli/bin/ha.js');
const KEYS_V1 = 'auth 1\n1 sha1 reload-key-one\n';
const KEYS_V2 = 'auth 2\n1 sha1 reload-key-one\n2 sha1 reload-key-two\n';

const baseConfig = (node: LabNode): HaConfigOptions => ({
  nodes: NAMES,
  iface: node.iface,
  media: [{ kind: 'bcast' }],
  keepalive: '200ms',
  deadtime: '2',
  initdead: '10',
  haresources: `node1 ${SERVICE}\n`,
  autoFailback: 'on',
});

function writeConfig(node: LabNode, options: HaConfigOptions, authkeys: string): void {
  writeHaConfig(node.configDir, options);
  writeFileSync(join(node.configDir, 'authkeys'), authkeys, { mode: 0o600 });
}

/** The daemon's pid inside its node, from its pid file. */
function daemonPid(n: HeartlineProcess): number {
  return Number(readFileSync(join(n.runDir, 'heartline.pid'), 'latin1').split('\n')[0]);
}

async function hangup(n: HeartlineProcess): Promise<void> {
  await n.node.exec('kill', ['-HUP', String(daemonPid(n))]);
}

describe('systemd and signals: readiness, one daemon per node, SIGHUP reload', { skip }, () => {
  const fixture = new LabFixture({ nodes: 2 });
  const guard = (body: () => Promise<void>): Promise<void> => fixture.guard(body);
  let notify: FakeNotifySocket;
  let nodes: [HeartlineProcess, HeartlineProcess];
  let node1: HeartlineProcess;
  let node2: HeartlineProcess;
  let deaths: number;

  before(async () => {
    const lab = fixture.lab;
    notify = fixture.closeAfter(new FakeNotifySocket(join(lab.node(1).dir, 'notify.sock')));
    await notify.ready();
    for (const node of lab.nodes) {
      installLsbService(node, SERVICE);
      writeConfig(node, baseConfig(node), KEYS_V1);
    }
    node1 = fixture.closeAfter(new HeartlineProcess(lab.node(1), ['env', `NOTIFY_SOCKET=${notify.path}`, process.execPath, HA]));
    node2 = fixture.closeAfter(new HeartlineProcess(lab.node(2)));
    nodes = [node1, node2];
    for (const n of nodes) n.start();
  });

  after(async () => {
    for (const n of nodes ?? []) if (n.running) await n.stop();
  });

  /** "is dead" lines since the suite began: none may appear while reloads run. */
  const deadLines = (): string[] => nodes.flatMap((n) => n.log.lines.filter((l) => /is dead/.test(l.text)).map((l) => `${n.node.name}: ${l.text}`));

  test('READY=1 reaches NOTIFY_SOCKET once the group runs, for the daemon pid', () =>
    guard(async () => {
      const datagram = await notify.waitFor('READY=1', 40_000);
      assert.ok(datagram.split('\n').includes(`MAINPID=${daemonPid(node1)}`), datagram);
      assert.ok(await isLsbServiceRunning(node1.node, SERVICE), 'the group runs when READY=1 arrives');
      const index = (pattern: RegExp): number => node1.log.lines.findIndex((l) => pattern.test(l.text));
      const complete = index(/Initial resource acquisition complete/);
      const started = index(/Running \/etc\/init\.d\/hlreload +start/);
      const told = index(/Told systemd READY=1/);
      assert.ok(complete >= 0 && started >= 0 && told >= 0, 'the three lines are logged');
      assert.ok(told > complete && told > started, 'READY=1 after the initial acquisition and the start of the group');
      for (const n of nodes) await waitForClusterView(n, { node1: { status: 'active' }, node2: { status: 'active' } });
      deaths = deadLines().length;
    }));

  test('a second ha start on the node is refused with the running pid', () =>
    guard(async () => {
      const pid = daemonPid(node1);
      const second = await node1.ha(['start', '--config-dir', node1.node.configDir, '--node-name', 'node1', '--state-dir', join(node1.node.dir, 'second-state')]);
      assert.equal(second.code, 69, second.stderr);
      assert.match(second.stderr, new RegExp(`error DAEMON_ALREADY_RUNNING: .*heartline\\.pid names pid ${pid}, which runs`));
      assert.match(second.stderr, /hint: Stop the running daemon/);
      assert.equal(daemonPid(node1), pid, 'the pid file is still the running daemon\'s');
      assert.equal(await node1.nodeStatus('node1'), 'active');
    }));

  test('(a) new keepalive and deadtime and a rotated authkeys are applied on both nodes; nobody dies', () =>
    guard(async () => {
      const marks = nodes.map((n) => n.log.mark());
      for (const n of nodes) writeConfig(n.node, { ...baseConfig(n.node), keepalive: '300ms', deadtime: '3' }, KEYS_V2);
      await Promise.all(nodes.map((n) => hangup(n)));
      for (const [i, n] of nodes.entries()) {
        await n.log.waitFor(/Reload: applied keepalive, deadtime, warntime, authkeys$/, { from: marks[i] ?? 0, timeoutMs: 10_000 });
      }
      for (const n of nodes) {
        const view = await waitForClusterView(n, { node1: { status: 'active', deadtimeMs: 3000 }, node2: { status: 'active', deadtimeMs: 3000 } });
        assert.equal((view as unknown as { keepaliveMs: number }).keepaliveMs, 300);
      }
      // Three of the new deadtimes later, nobody was declared dead and the group still runs.
      await sleep(9000);
      assert.deepEqual(deadLines().slice(deaths), []);
      assert.ok(await isLsbServiceRunning(node1.node, SERVICE));

      // What goes on the wire now is signed with slot 2 by both nodes.
      const capture = join(node2.node.dir, 'after-reload.pcap');
      // -Z root: tcpdump would otherwise write the file as its own user, which cannot write there.
      const dump = await node2.node.netExec('timeout', ['4', 'tcpdump', '-Z', 'root', '-i', node2.node.iface, '-U', '-w', capture, 'udp', 'port', '694'], {
        allowFailure: true,
        timeoutMs: 10_000,
      });
      const keys = join(node2.node.configDir, 'authkeys');
      const decoded = await node2.node.exec(process.execPath, [HA, 'wire', 'decode', capture, '--json', '--authkeys', keys], { allowFailure: true, timeoutMs: 15_000 });
      assert.equal(decoded.code, 0, `${decoded.stderr} (tcpdump: ${dump.stderr})`);
      type Packet = { trailer?: { slot: number }; auth?: { ok: boolean }; fields?: Array<{ name: string; value?: string }> };
      const packets = decoded.stdout.trim().split('\n').map((l) => JSON.parse(l) as Packet);
      const senders = new Set(packets.map((p) => p.fields?.find((f) => f.name === 'src')?.value));
      assert.deepEqual([...senders].sort(), NAMES, `${packets.length} packets captured, from both nodes`);
      assert.ok(packets.length >= 8, `${packets.length} packets captured`);
      assert.deepEqual([...new Set(packets.map((p) => `slot ${p.trailer?.slot} auth ${p.auth?.ok}`))], ['slot 2 auth true']);
    }));

  test('(b) a broken ha.cf is refused with its file:line; the old configuration and the group keep running', () =>
    guard(async () => {
      const mark = node1.log.mark();
      const good = readFileSync(join(node1.node.configDir, 'ha.cf'), 'utf8');
      const broken = good.replace(/^deadtime .*$/m, 'deadtime banana');
      const brokenLine = broken.split('\n').findIndex((l) => l === 'deadtime banana') + 1;
      writeFileSync(join(node1.node.configDir, 'ha.cf'), broken);
      try {
        await hangup(node1);
        await node1.log.waitFor(/ERROR: Reload refused: \d+ error\(s\) in .*the running configuration is kept \(RELOAD_CONFIG_INVALID\)$/, { from: mark, timeoutMs: 10_000 });
        assert.ok(node1.log.find(new RegExp(`ERROR: ${escape(node1.node.configDir)}/ha\\.cf:${brokenLine}:\\d+: error CONFIG_BAD_TIME`), mark), 'the error with its file:line');
        assert.equal(node1.log.find(/Reload: (applied|refused|noted)/, mark), undefined, 'nothing applied, nothing refused one by one');
        const status = (await node1.status()) as unknown as { keepaliveMs: number; deadtimeMs: number; localStatus: string };
        assert.deepEqual([status.keepaliveMs, status.deadtimeMs, status.localStatus], [300, 3000, 'active']);
        await sleep(4000);
        assert.ok(await isLsbServiceRunning(node1.node, SERVICE), 'the group keeps running');
        assert.equal(await node2.nodeStatus('node1'), 'active');
        assert.deepEqual(deadLines().slice(deaths), []);
      } finally {
        writeFileSync(join(node1.node.configDir, 'ha.cf'), good);
      }
    }));

  test('(c) a changed node list is refused with its line', () =>
    guard(async () => {
      const mark = node1.log.mark();
      const path = join(node1.node.configDir, 'ha.cf');
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, `${text}node node3\n`);
      const nodeLine = text.split('\n').findIndex((l) => l.startsWith('node ')) + 1;
      await hangup(node1);
      const refused = await node1.log.waitFor(/Reload: refused node /, { from: mark, timeoutMs: 10_000 });
      assert.match(refused.text, new RegExp(`WARN: Reload: refused node \\(${escape(path)}:${nodeLine}\\): .*needs a restart: ha stop/start \\(RELOAD_NEEDS_RESTART\\)$`));
      await node1.log.waitFor(/Reload: refused node \(needs a restart\)$/, { from: mark, timeoutMs: 5000 });
      const view = await node1.status();
      assert.deepEqual(view?.nodes.map((n) => n.name), ['node1', 'node2']);
      assert.ok(await isLsbServiceRunning(node1.node, SERVICE));
      assert.deepEqual(deadLines().slice(deaths), []);
    }));

  test('SIGTERM: STOPPING=1, the group released, exit 0 on both', () =>
    guard(async () => {
      const code = await node1.stop(60_000);
      assert.equal(code, 0, node1.output().slice(-1500));
      await notify.waitFor('STOPPING=1', 5000);
      assert.equal(await isLsbServiceRunning(node1.node, SERVICE), false);
      await waitUntil('node2 to take the group', async () => ((await isLsbServiceRunning(node2.node, SERVICE)) ? true : undefined), { timeoutMs: 30_000 });
      assert.equal(await node2.stop(60_000), 0);
    }));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
