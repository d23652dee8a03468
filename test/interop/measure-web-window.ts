// Measures how long the seed's web cluster serves no page when the node serving it loses power:
// the HTTP unavailability window, from the last good response to a request sent before the power
// cut to the first page from the survivor (WebClient: a new connection to http://VIP/ every 50 ms
// from a client namespace on the bridge). The same group on the same machine, two pairs:
// two Heartline nodes (agent-ipaddr, agent-apache) and two heartbeat 3.0.6 nodes (resource.d/IPaddr,
// resource.d/apache → the OCF agents), at keepalive 1 s / deadtime 5 s and 100 ms / 500 ms.
//
//   node test/dist/interop/measure-web-window.js [--runs N] [--out FILE.md] [--keep] [--crash-only]
//
// Needs root, heartbeat 3.0.6, apache2 and a build (npm run build). Each pair runs in a fresh lab:
// both daemons start, node1 serves; then N times: node1's power cut, node2 serves, node1 boots and
// its daemon starts, auto_failback brings the page home. Before each cut node1's daemon has run
// 7 s (a starting node announces deadtime + 2 s for its first 5 s) plus a random 0-250 ms, so the
// cut falls out of step with the heartbeats. Also reported: the survivor's `node node1: is dead`
// after the cut, and the window of the failback (graceful: node2 stops, node1 starts).
// Then an apache crash (`kill -9` of its processes on node1): the Heartline pair with resource
// monitoring's default interval (10 s) and with `monitor apache interval=2s` in heartline.cf (both
// with restarts=1000, so every crash is a restart in place); the heartbeat pair once, watched for
// 30 s: heartbeat never notices, the page stays away.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { percentile } from '../lib/percentile.js';
import { sleep } from '../lib/sleep.js';
import { WebCluster, type WebClusterOptions } from '../lib/WebCluster.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'crash-only': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const TIMINGS = [
  { keepalive: '1', deadtime: '5', deadtimeMs: 5000 },
  { keepalive: '100ms', deadtime: '500ms', deadtimeMs: 500 },
] as const;
const PAIRS = ['heartline', 'heartbeat'] as const;
/** A starting node announces deadtime + 2 s for 5 s: cut only after that (plus a margin for Heartline's start-up). */
const SETTLE_MS = 7000;

interface Sample {
  readonly pair: (typeof PAIRS)[number];
  readonly timing: string;
  readonly deadtimeMs: number;
  readonly windows: number[];
  readonly deads: number[];
  readonly failbacks: number[];
}

/**
 * A fresh lab with the web cluster of `pair` (the VIP with its interface, both sites on the VIP),
 * `body` run on it, then everything closed; the lab's files are kept when `body` failed or --keep.
 */
async function withWebCluster(
  pair: Sample['pair'],
  options: Omit<WebClusterOptions, 'listen' | 'vipForm'>,
  body: (web: WebCluster, daemons: [ClusterDaemon, ClusterDaemon], lab: NetnsLab) => Promise<void>,
): Promise<void> {
  const lab = await NetnsLab.create({ nodes: 2 });
  const make = pair === 'heartline' ? heartlineDaemon : heartbeatDaemon;
  const daemons: [ClusterDaemon, ClusterDaemon] = [make(lab.node(1)), make(lab.node(2))];
  let web: WebCluster | undefined;
  let ok = false;
  try {
    web = await WebCluster.create(lab, daemons, { listen: ['vip', 'vip'], vipForm: 'with-interface', ...options });
    await body(web, daemons, lab);
    ok = true;
  } finally {
    for (const d of daemons) d.close();
    await web?.close();
    await lab.destroy({ keepFiles: !ok || values.keep });
    if (!ok || values.keep) console.error(`lab files kept in ${lab.dir}`);
  }
}

async function measure(pair: Sample['pair'], timing: (typeof TIMINGS)[number]): Promise<Sample> {
  const sample: Sample = { pair, timing: `${timing.keepalive} / ${timing.deadtime}`, deadtimeMs: timing.deadtimeMs, windows: [], deads: [], failbacks: [] };
  await withWebCluster(pair, { keepalive: timing.keepalive, deadtime: timing.deadtime, initdead: '12' }, async (web, daemons, lab) => {
    const { client } = web;
    let since = client.mark();
    await Promise.all(daemons.map((d) => d.start()));
    let node1StartedAt = performance.now();
    await client.waitForServer('node1', { sinceMs: since, timeoutMs: 40_000 });
    for (let run = 1; run <= runs; run++) {
      await sleep(Math.max(0, node1StartedAt + SETTLE_MS - performance.now()) + Math.random() * 250);
      since = client.mark();
      await client.waitForServer('node1', { sinceMs: since, timeoutMs: 5_000 });
      const mark = daemons[1].log.mark();
      const cutAt = await lab.node(1).crash();
      const served = await client.waitForServer('node2', { sinceMs: since, timeoutMs: timing.deadtimeMs + 30_000 });
      await client.waitAnswered(served.seq);
      const outage = client.outage(cutAt, 'node2');
      if (outage === undefined) throw new Error(`run ${run}: no outage found in ${client.describe(since)}`);
      const dead = await daemons[1].log.waitFor(/node node1: is dead/, { from: mark, timeoutMs: 1_000 });
      sample.windows.push(outage.durationMs);
      sample.deads.push(dead.seenAtMs - cutAt);

      since = client.mark();
      await lab.node(1).boot();
      await daemons[0].start();
      node1StartedAt = performance.now();
      await client.waitForServer('node1', { sinceMs: since, timeoutMs: 40_000 });
      const failback = client.unavailabilityWindows(since).reduce((sum, w) => sum + w.durationMs, 0);
      sample.failbacks.push(failback);
      console.log(`${pair} ${sample.timing} run ${run}/${runs}: no page for ${outage.durationMs.toFixed(0)} ms after the power cut `
        + `(is dead after ${sample.deads.at(-1)!.toFixed(0)} ms; ${outage.errors.join(', ')}), failback ${failback.toFixed(0)} ms`);
    }
  });
  return sample;
}

interface CrashSample {
  readonly label: string;
  readonly windows: number[];
  /** Crashes after which no page came back within the watch. */
  unhealed: number;
}

/** How long heartbeat's pair is watched after its apache is killed. */
const HEARTBEAT_CRASH_WATCH_MS = 30_000;

/** apache killed on node1 (timing 1 s / 5 s): the window until node1 serves again, or none in the watch. */
async function measureCrash(pair: Sample['pair'], heartlineCf: string | undefined, intervalMs: number, label: string, crashes: number): Promise<CrashSample> {
  const sample: CrashSample = { label, windows: [], unhealed: 0 };
  await withWebCluster(pair, { keepalive: '1', deadtime: '5', initdead: '12', ...(heartlineCf === undefined ? {} : { heartlineCf }) }, async (web, daemons) => {
    const { client } = web;
    await Promise.all(daemons.map((d) => d.start()));
    await client.waitForServer('node1', { sinceMs: client.mark(), timeoutMs: 40_000 });
    for (let run = 1; run <= crashes; run++) {
      // At a random point of the monitoring interval (checks start again an interval after a restart).
      await sleep(1000 + Math.random() * intervalMs);
      const since = client.mark();
      await client.waitForServer('node1', { sinceMs: since, timeoutMs: 5_000 });
      const killedAt = await web.site(1).crash();
      const watchMs = pair === 'heartline' ? 60_000 : HEARTBEAT_CRASH_WATCH_MS;
      const served = await client.waitForServer('node1', { sinceMs: killedAt, timeoutMs: watchMs }).catch(() => undefined);
      if (served === undefined) {
        sample.unhealed += 1;
        console.log(`${label} crash ${run}/${crashes}: no page for ${watchMs / 1000} s, and none is coming (${client.describe(since)})`);
        continue;
      }
      await client.waitAnswered(served.seq);
      const outage = client.outage(killedAt, 'node1');
      if (outage === undefined) throw new Error(`crash ${run}: no outage found in ${client.describe(since)}`);
      sample.windows.push(outage.durationMs);
      console.log(`${label} crash ${run}/${crashes}: no page for ${outage.durationMs.toFixed(0)} ms`);
    }
  });
  return sample;
}

const samples: Sample[] = [];
if (!values['crash-only']) for (const timing of TIMINGS) for (const pair of PAIRS) samples.push(await measure(pair, timing));
const crashSamples = [
  await measureCrash('heartline', 'monitor apache restarts=1000\n', 10_000, 'Heartline, monitoring default (every 10 s)', runs),
  await measureCrash('heartline', 'monitor apache interval=2s restarts=1000\n', 2_000, 'Heartline, monitor apache interval=2s', runs),
  await measureCrash('heartbeat', undefined, 0, 'heartbeat 3.0.6', 1),
];

const stats = (xs: number[]): string => `${Math.min(...xs).toFixed(0)} | ${percentile(xs, 50).toFixed(0)} | ${Math.max(...xs).toFixed(0)}`;
const label = { heartline: 'Heartline pair', heartbeat: 'heartbeat 3.0.6 pair' };
const report = [
  ...(samples.length === 0 ? [] : [
  'HTTP unavailability on a power cut of the node serving the seed\'s web group (`node1 VIP/24/hleth0 apache::CONFIG`):',
  'last page before the cut → first page from the survivor, client fetching http://VIP/ every 50 ms over a new',
  `connection; ${runs} cuts per row, bcast, sha1, auto_failback on, two nodes in network namespaces, same machine.`,
  '',
  '| pair | keepalive / deadtime | runs | window min | median | max (ms) | `is dead` median (ms) | failback window min / median / max (ms) |',
  '|---|---|---|---|---|---|---|---|',
  ...samples.map((s) => `| ${label[s.pair]} | ${s.timing} | ${s.windows.length} | ${stats(s.windows)} | ${percentile(s.deads, 50).toFixed(0)} | ${stats(s.failbacks).replaceAll(' | ', ' / ')} |`),
  '',
  'All windows (ms):',
  ...samples.map((s) => `- ${label[s.pair]}, ${s.timing}: ${s.windows.map((w) => w.toFixed(0)).join(', ')}`),
  '',
  ]),
  'HTTP unavailability on an apache crash (`kill -9` of its processes on the node serving; keepalive 1 s / deadtime 5 s):',
  '',
  '| who | crashes | window min | median | max (ms) | never healed |',
  '|---|---|---|---|---|---|',
  ...crashSamples.map((c) => `| ${c.label} | ${c.windows.length + c.unhealed} | ${c.windows.length === 0 ? '- | - | -' : stats(c.windows)} | ${c.unhealed} |`),
  '',
  `heartbeat's "never healed": no page for the ${HEARTBEAT_CRASH_WATCH_MS / 1000} s watched while heartbeat kept the group (it never checks a running resource).`,
  '',
].join('\n');
console.log(report);
if (values.out !== undefined) writeFileSync(values.out, report);
