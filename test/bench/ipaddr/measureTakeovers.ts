import { ArpWatch } from '@heartline/agent-ipaddr/testing';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../../lib/HeartlineProcess.js';
import type { LabNode } from '../../lib/LabNode.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import type { RealHeartbeat } from '../../lib/RealHeartbeat.js';
import { sleep } from '../../lib/sleep.js';
import { waitForClusterView } from '../../lib/waitForClusterView.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { writeHaConfig } from '../../lib/writeHaConfig.js';
import type { CleanupStack } from './CleanupStack.js';
import { PingWatch } from './PingWatch.js';
import type { TakeoverSamples } from './TakeoverSamples.js';
import { hasAddress, macOf, VIP } from './vipAddresses.js';

type Daemon = ClusterDaemon & ({ readonly heartbeat: RealHeartbeat } | { readonly heartline: HeartlineProcess });

const KEEPALIVE = '100ms';
const DEADTIME_MS = 500;
/** A daemon announces deadtime + 2 s for its first 5 s; crash its node only after that. */
const SETTLE_MS = 6000;
const MOVE_TIMEOUT_MS = 60_000;

const wallMs = (): number => performance.timeOrigin + performance.now();

/**
 * Part 2: node1 and node2 run `kind` (both), node3 is a client. haresources `node1
 * IPaddr::VIP/24/hleth0`, bcast, keepalive 100 ms, deadtime 500 ms, auto_failback on. Each round:
 * the client pings the VIP every 10 ms, node1 (the owner) loses power, and the survivor's log and
 * tcpdump on the bridge give the figures; then node1 boots, its daemon starts and the group fails
 * back before the next round. Runs `cleanup` before returning (lab files kept when it failed, or
 * with `keep`).
 */
export async function measureTakeovers(
  kind: 'heartline' | 'heartbeat',
  crashes: number,
  cleanup: CleanupStack,
  say: (line: string) => void,
  keep = false,
): Promise<TakeoverSamples> {
  const lab = await NetnsLab.create({ nodes: 3 });
  let kept = true;
  cleanup.push(async () => {
    await lab.destroy({ keepFiles: kept || keep });
    if (kept || keep) console.error(`ipaddr: lab files kept in ${lab.dir}`);
  });
  try {
    const samples = await measure(lab, kind, crashes, cleanup, say);
    kept = false;
    return samples;
  } finally {
    await cleanup.run();
  }
}

async function measure(lab: NetnsLab, kind: 'heartline' | 'heartbeat', crashes: number, cleanup: CleanupStack, say: (line: string) => void): Promise<TakeoverSamples> {
  const [node1, node2, client] = [lab.node(1), lab.node(2), lab.node(3)];
  for (const node of [node1, node2]) {
    writeHaConfig(node.configDir, {
      nodes: ['node1', 'node2'],
      iface: node.iface,
      media: [{ kind: 'bcast' }],
      keepalive: KEEPALIVE,
      deadtime: `${DEADTIME_MS}ms`,
      initdead: '10',
      haresources: `node1 IPaddr::${VIP}/24/${node.iface}\n`,
      autoFailback: 'on',
      extra: ['realtime off'],
    });
  }
  const make = (node: LabNode): Daemon => (kind === 'heartline' ? heartlineDaemon(node) : heartbeatDaemon(node));
  const [owner, survivor] = [make(node1), make(node2)];
  cleanup.push(() => survivor.close());
  cleanup.push(() => owner.close());
  const mac2 = await macOf(node2);
  const watch = new ArpWatch(lab.bridgeNs, 'br0');
  cleanup.push(() => watch.stop());
  await watch.ready();

  await Promise.all([owner.start(), survivor.start()]);
  let ownerStartedAt = performance.now();
  await waitForGroupOn(node1, node2, owner, survivor, 'the VIP on node1 after the cluster started');
  if (kind === 'heartline' && owner.log.find(/Adding inet address 10\.213\.0\.100\/24/) === undefined) {
    say(`  note: node1's ha-log has no "Adding inet address ${VIP}/24" line: did Heartline run @heartline/agent-ipaddr?`);
  }

  const samples: TakeoverSamples = { crashToDead: [], deadToGarp: [], deadToProbe: [], crashToGarp: [], pingGap: [] };
  for (let round = 1; round <= crashes; round++) {
    await sleep(Math.max(0, ownerStartedAt + SETTLE_MS - performance.now()));
    if ('heartline' in survivor) await waitForClusterView(survivor.heartline, { node1: { status: 'active', deadtimeMs: DEADTIME_MS } });
    // The client's ARP cache points at node1, and its pings flow.
    await client.netExec('ping', ['-c', '3', '-i', '0.05', '-W', '1', VIP], { allowFailure: true });
    const ping = new PingWatch(client.ns, VIP);
    cleanup.push(() => ping.stop());
    if (!(await ping.replyAfter(wallMs(), 3000))) throw new Error(`the client gets no ping reply from ${VIP} at node1`);
    await sleep(100);

    const [logFrom, arpFrom] = [survivor.log.mark(), watch.mark()];
    const crashAt = performance.timeOrigin + (await node1.crash());
    const dead = await survivor.log.waitFor(/node node1: is dead/, { from: logFrom, timeoutMs: 15_000 });
    const deadAt = performance.timeOrigin + dead.seenAtMs;
    const garp = await watch.firstGratuitous(VIP, mac2, arpFrom, crashAt, 15_000);
    const recovered = await ping.replyAfter(garp.atMs, 5000);
    await ping.stop();
    const gap = recovered ? ping.longestGapMs() : undefined;
    samples.crashToDead.push(deadAt - crashAt);
    samples.deadToGarp.push(garp.atMs - deadAt);
    samples.crashToGarp.push(garp.atMs - crashAt);
    const probe = watch.probe(VIP, mac2, arpFrom, crashAt);
    if (probe !== undefined) samples.deadToProbe.push(probe.atMs - deadAt);
    if (gap !== undefined) samples.pingGap.push(gap);
    say(`  ${kind} crash ${round}/${crashes}: node1 declared dead ${ms(deadAt - crashAt)} after the power cut, first GARP from node2 ${ms(garp.atMs - deadAt)} after that; client ping gap ${gap === undefined ? 'n/a (no reply within 5 s of the GARP)' : ms(gap)}`);

    if (round === crashes) break;
    await waitUntil('node1\'s daemon to be gone with its node', async () => ((await owner.isRunning()) ? undefined : true), { timeoutMs: 10_000, intervalMs: 20 });
    await node1.boot();
    await owner.start();
    ownerStartedAt = performance.now();
    await waitForGroupOn(node1, node2, owner, survivor, `the VIP to fail back to node1 after crash ${round}`);
  }
  return samples;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

/** Waits until the VIP is on node1 only and each daemon sees the other active. */
async function waitForGroupOn(node1: LabNode, node2: LabNode, owner: Daemon, survivor: Daemon, what: string): Promise<void> {
  await waitUntil(what, async () => ((await hasAddress(node1, VIP)) && !(await hasAddress(node2, VIP)) ? true : undefined), {
    timeoutMs: MOVE_TIMEOUT_MS,
    intervalMs: 50,
  });
  await waitUntil(`${what}: both daemons to see each other active`, async () => {
    const seen = await Promise.all([peerStatus(owner, 'node2'), peerStatus(survivor, 'node1')]);
    return seen.every((s) => s === 'active') ? true : undefined;
  }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 });
}

async function peerStatus(daemon: Daemon, peer: string): Promise<string> {
  return 'heartline' in daemon ? daemon.heartline.nodeStatus(peer) : daemon.heartbeat.nodeStatus(peer);
}
