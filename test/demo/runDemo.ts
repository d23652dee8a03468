import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { LabNode } from '../lib/LabNode.js';
import { installLsbService, isLsbServiceRunning, lsbOverlaps, lsbRuns, readLsbEvents, type NodeCrash } from '../lib/LsbFixtures.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { waitUntil } from '../lib/waitUntil.js';
import { BCAST_GROUP_DEADTIME_MS, writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// `npm run demo`: a two-node cluster on this machine, in network namespaces. node1 runs Heartline,
// node2 the real heartbeat 3.0.6; one ha.cf (bcast, sha1, keepalive 200 ms, deadtime 1 s,
// auto_failback on) serves both. haresources gives each node a group: node1's a virtual IP (added by
// Heartline's agent-ipaddr over netlink on node1, by heartbeat's resource.d/IPaddr script on node2)
// and real LSB services, node2's an LSB service
// (test/fixtures/lsb/hlsvc: a daemon process, a pid file, start/stop/status). The demo cuts the
// power of each node in turn: the survivor takes the group, the group comes home when the node is
// back; then an admin moves everything with `ha standby` and back with `ha takeover`.

/** node1's group starts with a virtual IP: agent-ipaddr on Heartline's node, heartbeat's IPaddr script on heartbeat's. */
const VIP = '10.213.0.100';
const GROUPS: Readonly<Record<string, readonly string[]>> = { node1: ['web', 'webcache'], node2: ['db'] };
const SERVICES = Object.values(GROUPS).flat();

const t0 = performance.now();
const stamp = (): string => `[${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s]`;
const say = (text: string): void => console.log(`${stamp()} ${text}`);
const rows: Array<[string, string]> = [];
const ms = (from: number, to: number): string => `${Math.round(to - from)} ms`;

export async function runDemo(): Promise<void> {
  say('building a 2-node lab: a bridge and two network namespaces, 10.213.0.11-12 on hleth0');
  const lab = await NetnsLab.create({ nodes: 2 });
  const daemons: [ClusterDaemon, ClusterDaemon] = [heartlineDaemon(lab.node(1)), heartbeatDaemon(lab.node(2))];
  const crashes: NodeCrash[] = [];
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    say('interrupted: tearing the lab down');
    for (const d of daemons) d.close();
    void lab.destroy().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const haresources = `node1 ${VIP}/24/hleth0 ${GROUPS['node1']!.join(' ')}\nnode2 ${GROUPS['node2']!.join(' ')}\n`;
    writeBcastGroupConfig(lab, { haresources, autoFailback: 'on' });
    for (const node of lab.nodes) {
      for (const service of SERVICES) installLsbService(node, service);
    }
    say(`ha.cf on both nodes: bcast hleth0, keepalive 200ms, deadtime ${BCAST_GROUP_DEADTIME_MS}ms, auto_failback on, sha1 authkeys`);
    say(`haresources: ${haresources.trim().split('\n').join(' | ')}   (LSB services in each node's /etc/init.d; the VIP through agent-ipaddr on node1, heartbeat's IPaddr script on node2)`);
    say('starting: node1 = Heartline (ha start), node2 = heartbeat 3.0.6');
    let at = performance.now();
    await Promise.all(daemons.map((d) => d.start()));
    await placed(lab.nodes, { node1: 'node1', node2: 'node2' }, 'each node to run its own group');
    rows.push(['cluster up, each node running its own group', ms(at, performance.now())]);
    say('  (both started together, so each waited heartbeat\'s 10 s RQSTDELAY for the other to settle first)');
    await showPlacement(lab.nodes);

    for (const [victim, survivor] of [[0, 1], [1, 0]] as const) {
      const down = daemons[victim];
      const up = daemons[survivor];
      const who = (d: ClusterDaemon): string => `${d.node.name} (${d.kind})`;
      const members = [...(down.node.name === 'node1' ? [VIP] : []), ...GROUPS[down.node.name]!];
      const group = members.join(' ');
      const home = { node1: 'node1', node2: 'node2' };

      say(`POWER CUT on ${who(down)}: every process of the node dies, its services with it`);
      const mark = up.log.mark();
      const cutAt = await down.node.crash();
      crashes.push({ host: down.node.name, atMs: performance.timeOrigin + cutAt });
      const dead = await up.log.waitFor(new RegExp(`node ${down.node.name}: is dead`), { from: mark, timeoutMs: 15_000 });
      say(`  ${who(up)} logged "node ${down.node.name}: is dead" ${ms(cutAt, dead.seenAtMs)} after the power cut`);
      await placed(lab.nodes, { ...home, [down.node.name]: up.node.name }, `${up.node.name} to take over ${group}`);
      const takenAt = lastStartOf(up.node, GROUPS[down.node.name]!);
      say(`  ${who(up)} started ${group} (in haresources order) ${ms(dead.seenAtMs, takenAt)} after declaring it dead`);
      rows.push([`${who(up)} detects ${down.node.name}'s death`, ms(cutAt, dead.seenAtMs)]);
      rows.push([`${who(up)} runs ${group} after the death`, ms(dead.seenAtMs, takenAt)]);
      await showPlacement(lab.nodes);

      say(`POWER BACK on ${down.node.name}, ${down.kind} started: auto_failback brings ${group} home`);
      at = performance.now();
      await down.node.boot();
      await down.start();
      await placed(lab.nodes, home, `${group} to fail back to ${down.node.name}`);
      rows.push([`${group} back on ${down.node.name} after its boot`, ms(at, performance.now())]);
      say(`  ${up.node.name} stopped ${[...members].reverse().join(', ')} (right to left), then ${down.node.name} started ${members.join(', ')}`);
    }

    const [hl, hb] = daemons;
    say('ADMIN: `ha standby all` on node1 hands both groups to heartbeat on node2');
    at = performance.now();
    await retryWhileInTransition(() => hl.standby('all'));
    await placed(lab.nodes, { node1: 'node2', node2: 'node2' }, 'everything on node2');
    rows.push(['ha standby all (node1 -> node2)', ms(at, performance.now())]);
    await showPlacement(lab.nodes);
    say('ADMIN: `ha takeover local` on node1: heartbeat runs hb_standby foreign and hands node1 its group back');
    at = performance.now();
    await retryWhileInTransition(() => hl.takeover('local'));
    await placed(lab.nodes, { node1: 'node1', node2: 'node2' }, 'each group at home');
    rows.push(['ha takeover local (node2 -> node1)', ms(at, performance.now())]);
    await showPlacement(lab.nodes);

    const overlaps = lsbOverlaps(lsbRuns(lab.nodes.flatMap((n) => readLsbEvents(n)), crashes));
    say(overlaps.length === 0 ? 'checked from the services\' own logs: no service ever ran on both nodes at once' : `OVERLAP: ${JSON.stringify(overlaps)}`);

    say('graceful stop of heartbeat on node2 (SIGTERM): it releases db, node1 takes it at once');
    at = performance.now();
    await hb.stop();
    await placed(lab.nodes, { node1: 'node1', node2: 'node1' }, 'node1 to run db after node2 left');
    rows.push(['db on node1 after heartbeat stopped on node2', ms(at, performance.now())]);

    console.log(`\nSummary (keepalive 200 ms, deadtime ${BCAST_GROUP_DEADTIME_MS} ms; a node is declared dead deadtime after its last heartbeat):`);
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    if (overlaps.length > 0) throw new Error('a service ran on both nodes at once');
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!interrupted) {
      for (const d of daemons) await d.stop().catch(() => undefined);
      for (const d of daemons) d.close();
      await lab.destroy();
      say('lab torn down: namespaces deleted, processes gone');
    }
  }
}

/** Waits until every group runs on exactly the node given for its owner (and nowhere else). */
async function placed(nodes: readonly LabNode[], hostOf: Readonly<Record<string, string>>, what: string): Promise<void> {
  await waitUntil(what, async () => {
    for (const node of nodes) if ((await hasVip(node)) !== (node.name === hostOf['node1'])) return undefined;
    for (const [owner, services] of Object.entries(GROUPS)) {
      for (const service of services) {
        for (const node of nodes) {
          if ((await isLsbServiceRunning(node, service)) !== (node.name === hostOf[owner])) return undefined;
        }
      }
    }
    return true;
  }, { timeoutMs: 30_000, intervalMs: 50 });
}

/** Whether the virtual IP is on the node's interface (`ip -o addr`, in the node's namespace). */
async function hasVip(node: LabNode): Promise<boolean> {
  // A node without power holds nothing, whatever its (down) interface still lists.
  if (!node.running) return false;
  const { stdout } = await node.netExec('ip', ['-o', '-4', 'addr', 'show', 'dev', node.iface]);
  return stdout.includes(` ${VIP}/`);
}

async function showPlacement(nodes: readonly LabNode[]): Promise<void> {
  for (const node of nodes) {
    const running: string[] = (await hasVip(node)) ? [`VIP ${VIP}`] : [];
    for (const service of SERVICES) if (await isLsbServiceRunning(node, service)) running.push(service);
    say(`  ${node.name} runs: ${running.length === 0 ? '(nothing)' : running.join(' ')}`);
  }
}

/** performance.now() time of the last start among `services` on `node`. */
function lastStartOf(node: LabNode, services: readonly string[]): number {
  const starts = readLsbEvents(node).filter((e) => e.kind === 'start' && services.includes(e.service));
  return (starts.at(-1)?.atMs ?? performance.timeOrigin) - performance.timeOrigin;
}

/** Standby needs both sides stable: a request made right after a move is refused; retry it. */
async function retryWhileInTransition(request: () => Promise<void>): Promise<void> {
  await waitUntil('the standby request to be accepted', async () => {
    try {
      await request();
      return true;
    } catch (error) {
      if (/transition|flux/.test(String(error))) return undefined;
      throw error;
    }
  }, { timeoutMs: 20_000, intervalMs: 250 });
}
