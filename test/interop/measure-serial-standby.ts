// How long a standby takes between two REAL heartbeat 3.0.6 nodes on the lab's serial cable
// (19200 baud, keepalive 1 s, deadtime 3 s, auto_failback on: the serial failover suite's setup),
// and how often heartbeat drops a request ("in flux", no reply). The serial failover suite's waits
// for a standby are set from this distribution.
//
//   node test/dist/interop/measure-serial-standby.js [runs=20]
//
// Needs root, heartbeat 3.0.6, socat and a build (npm run build). Prints one line per standby and
// a JSON summary: from hb_standby's start to the groups placed (LSB status on both nodes), to the
// requester's "Other node completed standby takeover", and on to both sides stable again
// (`cl_status rscstatus` other than `transition`), after which the next standby is asked for.
// With `--eager` the next standby follows the previous one's completion line at once instead.
import { heartbeatDaemon } from '../lib/ClusterDaemon.js';
import { haresourcesOf, isPlaced, waitForPlacement, type LsbGroups } from '../lib/groupPlacement.js';
import { installLsbService } from '../lib/LsbFixtures.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { percentile } from '../lib/percentile.js';
import { STANDBY_DROPPED, waitStable } from '../lib/standbyWhenStable.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeSerialCableConfig } from '../lib/writeSerialCableConfig.js';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20);
const eager = process.argv.includes('--eager');
const GROUPS: LsbGroups = { node1: ['hlsvc1', 'hlsvc1b'], node2: ['hlsvc2'] };
const lab = await NetnsLab.create({ nodes: 2, serialCable: true });
const daemons = lab.nodes.map((n) => heartbeatDaemon(n));
const placedMs: number[] = [];
const completedMs: number[] = [];
const stableMs: number[] = [];
let dropped = 0;
try {
  writeSerialCableConfig(lab, ['realtime off'], { haresources: haresourcesOf(GROUPS), autoFailback: 'on' });
  for (const node of lab.nodes) for (const s of Object.values(GROUPS).flat()) installLsbService(node, s);
  await Promise.all(daemons.map((d) => d.start()));
  await waitForPlacement(lab.nodes, GROUPS, { node1: 'node1', node2: 'node2' }, 'each node to run its own group', 60_000);
  for (let run = 1; run <= runs; run++) {
    // Alternate: node2 hands everything to node1, then node1 hands everything to node2, and so on.
    const giver = daemons[run % 2]!;
    const taker = daemons[(run + 1) % 2]!;
    if (!eager) await waitStable(daemons, 60_000);
    const marks = daemons.map((d) => d.log.mark());
    const droppedLine = () => daemons.map((d, i) => d.log.find(STANDBY_DROPPED, marks[i])).find((l) => l !== undefined);
    const started = performance.now();
    await giver.standby('all');
    const outcome = await waitUntil(`standby ${run}`, async () => {
      if (droppedLine() !== undefined) return 'dropped';
      return (await isPlaced(lab.nodes, GROUPS, { node1: taker.node.name, node2: taker.node.name })) ? 'placed' : undefined;
    }, { timeoutMs: 60_000, intervalMs: 20 });
    const placed = performance.now() - started;
    if (outcome === 'dropped') {
      dropped++;
      console.log(`run ${run}: ${giver.node.name}'s request dropped: ${droppedLine()?.text ?? ''}`);
      break; // heartbeat may now refuse every standby for an hour (see standbyWhenStable)
    }
    const done = await giver.log.waitFor(/Other node completed standby takeover/, { from: marks[daemons.indexOf(giver)]!, timeoutMs: 30_000 });
    placedMs.push(placed);
    completedMs.push(done.seenAtMs - started);
    let line = `run ${run}: ${giver.node.name} -> ${taker.node.name}: placed ${Math.round(placed)} ms, completed ${Math.round(done.seenAtMs - started)} ms`;
    if (!eager) {
      await waitStable(daemons, 60_000);
      stableMs.push(performance.now() - started);
      line += `, both stable ${Math.round(performance.now() - started)} ms`;
    }
    console.log(line);
  }
  const stats = (xs: number[]) => ({ min: Math.round(Math.min(...xs)), p50: Math.round(percentile(xs, 50)), p95: Math.round(percentile(xs, 95)), max: Math.round(Math.max(...xs)) });
  console.log(JSON.stringify({ runs, eager, dropped, placedMs: stats(placedMs), completedMs: stats(completedMs), ...(eager ? {} : { stableMs: stats(stableMs) }) }));
} finally {
  for (const d of daemons) {
    await d.stop().catch(() => undefined);
    d.close();
  }
  await lab.destroy();
}
