import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import type { LogTail } from '../lib/LogTail.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

// `npm run demo`: a mixed cluster on this machine, in network namespaces. node1 and node2 run
// Heartline, node3 runs the real heartbeat 3.0.6; one ha.cf (bcast, sha1, keepalive 200 ms,
// deadtime 1 s) serves all three. The demo crashes a Heartline node and the heartbeat node in
// turn and shows who notices, how fast, and how they come back.

const NAMES = ['node1', 'node2', 'node3'];
const KEEPALIVE = '200ms';
const DEADTIME_MS = 1000;

const t0 = performance.now();
const stamp = (): string => `[${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s]`;
const say = (text: string): void => console.log(`${stamp()} ${text}`);
const rows: Array<[string, string]> = [];

async function detect(what: string, tail: LogTail, observer: string, victim: string, from: number, killedAt: number): Promise<void> {
  const line = await tail.waitFor(new RegExp(`node ${victim}: is dead`), { from, timeoutMs: 15_000 });
  const ms = line.seenAtMs - killedAt;
  say(`  ${observer} logged "node ${victim}: is dead" ${ms.toFixed(0)} ms after the crash`);
  rows.push([`${what}: ${observer} declares ${victim} dead`, `${ms.toFixed(0)} ms`]);
}

export async function runDemo(): Promise<void> {
  say('building a 3-node lab: bridge + 3 network namespaces, 10.213.0.11-13 on hleth0');
  const lab = await NetnsLab.create({ nodes: 3 });
  const hl1 = new HeartlineProcess(lab.node(1));
  const hl2 = new HeartlineProcess(lab.node(2));
  const hb3 = new RealHeartbeat(lab.node(3));
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    say('interrupted: tearing the lab down');
    hl1.close();
    hl2.close();
    hb3.close();
    void lab.destroy().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: NAMES,
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: KEEPALIVE,
        deadtime: `${DEADTIME_MS}ms`,
        warntime: '500ms',
        initdead: '10',
      });
    }
    say(`ha.cf on every node: bcast hleth0, keepalive ${KEEPALIVE}, deadtime ${DEADTIME_MS}ms, sha1 authkeys`);
    say('starting: node1 = Heartline, node2 = Heartline, node3 = heartbeat 3.0.6');
    hl1.start();
    hl2.start();
    await hb3.start();
    const joinedAt = performance.now();
    await allActive(hl1, hl2, hb3);
    rows.push(['cluster formed (all three active on every node)', `${((performance.now() - joinedAt) / 1000).toFixed(1)} s`]);
    await showViews(hl1, hb3);

    // Heartline announces deadtime + 2 s for its first 5 s, as heartbeat does: wait for the real value.
    await waitForClusterView(hl2, { node1: { status: 'active', deadtimeMs: DEADTIME_MS }, node3: { status: 'active', deadtimeMs: DEADTIME_MS } });
    await waitForClusterView(hl1, { node2: { status: 'active', deadtimeMs: DEADTIME_MS } });

    say('CRASH node1 (SIGKILL of the Heartline daemon)');
    let [from2, from3] = [hl2.log.mark(), hb3.log.mark()];
    let killedAt = await hl1.kill();
    await Promise.all([
      detect('Heartline crash', hl2.log, 'node2 (Heartline)', 'node1', from2, killedAt),
      detect('Heartline crash', hb3.log, 'node3 (heartbeat)', 'node1', from3, killedAt),
    ]);
    say('RESTART node1: it comes back with a new generation');
    const restartAt = performance.now();
    hl1.start();
    await allActive(hl1, hl2, hb3);
    rows.push(['node1 back: active on every node', `${((performance.now() - restartAt) / 1000).toFixed(1)} s`]);

    await waitForClusterView(hl1, { node3: { status: 'active', deadtimeMs: DEADTIME_MS } });
    say('CRASH node3 (SIGKILL of every heartbeat process)');
    [from2, from3] = [hl1.log.mark(), hl2.log.mark()];
    killedAt = await hb3.kill();
    await Promise.all([
      detect('heartbeat crash', hl1.log, 'node1 (Heartline)', 'node3', from2, killedAt),
      detect('heartbeat crash', hl2.log, 'node2 (Heartline)', 'node3', from3, killedAt),
    ]);
    say('RESTART node3 (heartbeat)');
    const hbRestartAt = performance.now();
    await hb3.start();
    await allActive(hl1, hl2, hb3);
    rows.push(['node3 back: active on every node', `${((performance.now() - hbRestartAt) / 1000).toFixed(1)} s`]);

    say('graceful stop of node2 (SIGTERM): it says goodbye with shutdone');
    const hbFrom = hb3.log.mark();
    await hl2.stop();
    const notice = await hb3.log.waitFor(/Received shutdown notice from 'node2'/, { from: hbFrom, timeoutMs: 10_000 });
    say(`  node3 (heartbeat) logged: ${notice.text.replace(/^.*?info: /, '')}`);

    console.log('\nSummary (deadtime 1000 ms; a node is declared dead deadtime after its last heartbeat):');
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    console.log('\nResource groups (the VIP and services that move on failover) build on this membership; see README.');
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!interrupted) {
      for (const n of [hl1, hl2]) if (n.running) await n.stop();
      if ((await hb3.pids()).length > 0) await hb3.stop();
      hl1.close();
      hl2.close();
      hb3.close();
      await lab.destroy();
      say('lab torn down: namespaces deleted, processes gone');
    }
  }
}

async function allActive(hl1: HeartlineProcess, hl2: HeartlineProcess, hb3: RealHeartbeat): Promise<void> {
  const everyone = Object.fromEntries(NAMES.map((n) => [n, { status: 'active' }]));
  await Promise.all([waitForClusterView(hl1, everyone, 60_000), waitForClusterView(hl2, everyone, 60_000)]);
  await waitUntil('heartbeat on node3 to see node1 and node2 active', async () => {
    const [a, b] = await Promise.all([hb3.nodeStatus('node1'), hb3.nodeStatus('node2')]);
    return a === 'active' && b === 'active' ? true : undefined;
  }, { timeoutMs: 60_000, intervalMs: 200 });
  say('  all three nodes active, as seen by node1, node2 (ha status) and node3 (cl_status)');
}

async function showViews(hl1: HeartlineProcess, hb3: RealHeartbeat): Promise<void> {
  const view = await hl1.status();
  for (const n of view?.nodes ?? []) {
    say(`  ha status on node1:   ${n.name.padEnd(6)} ${n.status.padEnd(7)} links ${n.links.map((l) => `${l.name}=${l.status}`).join(' ')}`);
  }
  for (const name of NAMES) {
    const status = await hb3.nodeStatus(name);
    const link = (await hb3.clStatus('hblinkstatus', name, 'hleth0')).stdout.trim();
    say(`  cl_status on node3:   ${name.padEnd(6)} ${status.padEnd(7)} links hleth0=${link}`);
  }
}
