// Measures failure detection between heartbeat 3.0.6 and Heartline: the time from a SIGKILL of
// one side to the other side's `node X: is dead` line, at keepalive 100 ms / deadtime 500 ms.
//
//   node test/dist/interop/measure-detection.js [--kills N] [--media bcast|mcast|ucast] [--out FILE.md] [--keep]
//
// Needs root, heartbeat 3.0.6 and a build (npm run build). Kills alternate between the two sides;
// before each kill the victim is past its first 5 s (it announces deadtime + 2 s before that)
// (the survivor has seen dt = deadtime) and a random 0-250 ms pause keeps the kill out of step
// with either side's timers.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { percentile } from '../lib/percentile.js';
import { sleep } from '../lib/sleep.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig, type LabMedia } from '../lib/writeHaConfig.js';

const { values } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, kills: { type: 'string', default: '10' }, media: { type: 'string', default: 'bcast' }, out: { type: 'string' } },
});
const kills = Number(values.kills);
const KEEPALIVE = '100ms';
const DEADTIME_MS = 500;
const media: LabMedia =
  values.media === 'ucast' ? { kind: 'ucast', peers: ['10.213.0.11', '10.213.0.12'] } : values.media === 'mcast' ? { kind: 'mcast' } : { kind: 'bcast' };

const lab = await NetnsLab.create({ nodes: 2 });
const hb = new RealHeartbeat(lab.node(1));
const hl = new HeartlineProcess(lab.node(2));
const byHeartline: number[] = []; // Heartline detecting heartbeat
const byHeartbeat: number[] = []; // heartbeat detecting Heartline
let ok = false;
try {
  for (const node of lab.nodes) {
    writeHaConfig(node.configDir, {
      nodes: ['node1', 'node2'], iface: node.iface, media: [media], keepalive: KEEPALIVE, deadtime: `${DEADTIME_MS}ms`, initdead: '10',
      auth: { method: 'sha1', key: 'hlu-measure-key' },
    });
  }
  let hbStarted = performance.now();
  await hb.start();
  hl.start();
  const bothActive = async (): Promise<void> => {
    await waitUntil('heartbeat to see node2 active', async () => ((await hb.nodeStatus('node2')) === 'active' ? true : undefined), { intervalMs: 100 });
    await waitForClusterView(hl, { node1: { status: 'active' }, node2: { status: 'active' } });
  };
  await bothActive();
  for (let i = 0; i < kills; i++) {
    // Heartline detects heartbeat.
    await sleep(Math.max(0, hbStarted + 5500 - performance.now()) + Math.random() * 250);
    await waitForClusterView(hl, { node1: { status: 'active', deadtimeMs: DEADTIME_MS } });
    let from = hl.log.mark();
    let at = await hb.kill();
    byHeartline.push((await hl.log.waitFor(/node node1: is dead/, { from, timeoutMs: 10_000 })).seenAtMs - at);
    await hb.start();
    hbStarted = performance.now();
    await bothActive();
    // heartbeat detects Heartline. Heartline's 5 s of boosted dt count from when its node starts,
    // which on a loaded host is up to a second after the process: wait for its own dt to drop.
    await waitForClusterView(hl, { node2: { status: 'active', deadtimeMs: DEADTIME_MS } });
    await sleep(Math.random() * 250);
    from = hb.log.mark();
    at = await hl.kill();
    byHeartbeat.push((await hb.log.waitFor(/node node2: is dead/, { from, timeoutMs: 10_000 })).seenAtMs - at);
    hl.start();
    await bothActive();
    console.log(`kill ${i + 1}/${kills}: Heartline saw heartbeat dead after ${byHeartline.at(-1)!.toFixed(0)} ms, heartbeat saw Heartline dead after ${byHeartbeat.at(-1)!.toFixed(0)} ms`);
  }
  ok = true;
} finally {
  hb.close();
  hl.close();
  await lab.destroy({ keepFiles: !ok || values.keep });
  if (!ok || values.keep) console.error(`lab files kept in ${lab.dir}`);
}

const row = (who: string, xs: number[]): string =>
  `| ${who} | ${xs.length} | ${percentile(xs, 50).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${xs.map((x) => x.toFixed(0)).join(', ')} |`;
const report = [
  `Detection time = \`node X: is dead\` seen in the survivor's log − SIGKILL of X (log polled every 5 ms), ${values.media},`,
  `keepalive ${KEEPALIVE}, deadtime ${DEADTIME_MS} ms, sha1, one real heartbeat 3.0.6 and one Heartline node in network namespaces.`,
  '',
  '| detector ← victim | kills | p50 ms | max ms | min ms | all (ms) |',
  '|---|---|---|---|---|---|',
  row('Heartline ← heartbeat', byHeartline),
  row('heartbeat ← Heartline', byHeartbeat),
  '',
].join('\n');
console.log(report);
if (values.out !== undefined) writeFileSync(values.out, report);
