// `npm run bench -- status [--runs N] [--json]`: issue 21's figures for `ha status`, beside heartbeat
// 3.0.6's cl_status in the same lab and run. Benchmarks print figures; they assert no targets.
// A namespace lab of two nodes on one bridge (bcast, keepalive 1 s): node1 runs the real heartbeat
// 3.0.6, node2 runs Heartline (`ha start`). For a few cl_status questions, each of these runs N times
// (default 30, after 3 warm-ups) on its own node, timed by bash's `time` inside the node:
//   ha (fast path)    bin/ha.js answering `status …` without oclif (what `ha` does by default)
//   ha (oclif path)   the same command with HEARTLINE_NO_FAST_STATUS=1, i.e. through oclif
//   cl_status         heartbeat's own tool against node1's heartbeat
// and prints wall and CPU (user + sys of the command) p50 / p95 / max, in ms, with what each answered.
// `--json` ends the output with one line `{"bench":"status",…}`; `--keep` keeps the lab's files.
// Needs root and heartbeat 3.0.6 (cl_status); skips with the reason otherwise. Only 10.213.0.0/24
// inside its own namespaces, removed at the end or on SIGINT.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { missingCommands } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { heartbeatBinary } from '../lib/heartbeatBinary.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { percentile } from '../lib/percentile.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { repoRoot } from '../lib/repoRoot.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';
import { CleanupStack } from './ipaddr/CleanupStack.js';
import type { RunTimes } from './status/RunTimes.js';
import { timeRuns } from './status/timeRuns.js';

const WARM_UPS = 3;
const values = options();
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`status: --runs wants a whole number >= 1, not ${JSON.stringify(values.runs)}`);
  process.exit(64);
}
const skip = skipReason();
if (skip !== undefined) {
  console.log(`status: skipped: ${skip}`);
  if (values.json) console.log(JSON.stringify({ bench: 'status', skipped: skip }));
  process.exit(0);
}

/** Each question: Heartline's words (asked of node2's daemon about node1) and cl_status's (of node1's heartbeat about node2). */
const questions: ReadonlyArray<{ label: string; ha: string[]; clStatus: string[] | undefined }> = [
  { label: 'nodestatus', ha: ['nodestatus', 'node1'], clStatus: ['nodestatus', 'node2'] },
  { label: 'hblinkstatus', ha: ['hblinkstatus', 'node1', 'hleth0'], clStatus: ['hblinkstatus', 'node2', 'hleth0'] },
  { label: 'listnodes', ha: ['listnodes'], clStatus: ['listnodes'] },
  { label: 'rscstatus', ha: ['rscstatus'], clStatus: ['rscstatus'] },
  { label: 'hbstatus', ha: ['hbstatus'], clStatus: ['hbstatus'] },
  { label: 'ha status / listnodes -v', ha: [], clStatus: ['listnodes', '-v'] },
  { label: 'ha status --json', ha: ['--json'], clStatus: undefined },
];
type Path = 'fast' | 'oclif' | 'clStatus';
const pathLabels: Record<Path, string> = { fast: 'ha (fast path)', oclif: 'ha (oclif path)', clStatus: 'cl_status (heartbeat)' };

const cleanup = new CleanupStack();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`status: ${signal}, removing the lab`);
    void cleanup.run().finally(() => process.exit(130));
  });
}
const say = (line: string): void => console.log(line);
const began = performance.now();
const results: Array<{ label: string; path: Path; times: RunTimes }> = [];

const lab = await NetnsLab.create({ nodes: 2 });
let failed = true;
cleanup.push(async () => {
  await lab.destroy({ keepFiles: failed || values.keep });
  if (failed || values.keep) console.error(`status: lab files kept in ${lab.dir}`);
});
try {
  const [hbNode, hlNode] = [lab.node(1), lab.node(2)];
  for (const node of lab.nodes) {
    writeHaConfig(node.configDir, { nodes: ['node1', 'node2'], iface: node.iface, media: [{ kind: 'bcast' }], keepalive: '1', deadtime: '5', initdead: '10' });
  }
  const hb = new RealHeartbeat(hbNode);
  const hl = new HeartlineProcess(hlNode);
  cleanup.push(() => hl.close());
  cleanup.push(() => hb.close());
  cleanup.push(() => hb.stop());
  await hb.start();
  hl.start();
  say(`lab ${lab.id}: node1 runs heartbeat 3.0.6, node2 runs Heartline; waiting until each sees the other active`);
  await waitUntil('heartbeat (node1) to see node2 active', async () => ((await hb.nodeStatus('node2')) === 'active' ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 500,
  });
  await waitForClusterView(hl, { node1: { status: 'active' }, node2: { status: 'active' } });

  const ha = [process.execPath, join(repoRoot, 'packages/cli/bin/ha.js'), 'status'];
  const env = (fast: boolean): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env };
    delete e['HEARTLINE_NO_FAST_STATUS'];
    if (!fast) e['HEARTLINE_NO_FAST_STATUS'] = '1';
    return e;
  };
  say(`timing ${runs} runs of each (after ${WARM_UPS} warm-ups), on its own node, with bash's time inside the node`);
  for (const q of questions) {
    const haCommand = [...ha, ...q.ha, '--run-dir', hl.runDir];
    results.push({ label: q.label, path: 'fast', times: await timeRuns(hlNode, haCommand, runs, WARM_UPS, env(true)) });
    results.push({ label: q.label, path: 'oclif', times: await timeRuns(hlNode, haCommand, runs, WARM_UPS, env(false)) });
    if (q.clStatus !== undefined) results.push({ label: q.label, path: 'clStatus', times: await timeRuns(hbNode, ['cl_status', ...q.clStatus], runs, WARM_UPS, env(true)) });
  }
  await hl.stop();
  await hb.stop();
  failed = false;
} finally {
  await cleanup.run();
}

const durationS = (performance.now() - began) / 1000;
const cell = (v: number): string => v.toFixed(1).padStart(8);
say('');
say(`ha status beside cl_status, ms, ${runs} runs each: wall = bash time's real, CPU = the command's user + sys`);
say(`${'question'.padEnd(26)}${'path'.padEnd(24)}${'  wall p50     p95     max'}${'   CPU p50     p95     max'}   answer`);
for (const r of results) {
  const [w, c] = [r.times.wallMs, r.times.cpuMs];
  say(`${r.label.padEnd(26)}${pathLabels[r.path].padEnd(24)}${cell(percentile(w, 50))}${cell(percentile(w, 95))}${cell(Math.max(...w))}` +
    `${cell(percentile(c, 50))}${cell(percentile(c, 95))}${cell(Math.max(...c))}   ${r.times.answer}`);
}
say(`  ha runs on node2 (Heartline) about node1, cl_status on node1 (heartbeat) about node2; both link names are hleth0.`);
say(`  CPU resolution is bash's, 1 ms; the node is the 2-core host, shared with both daemons.`);
say(`status: ${durationS.toFixed(0)} s (--runs ${runs})`);
if (values.json) {
  const figures = (v: readonly number[]): object => ({ p50: round(percentile(v, 50)), p95: round(percentile(v, 95)), max: round(Math.max(...v)) });
  console.log(JSON.stringify({
    bench: 'status',
    runs,
    durationS: round(durationS),
    results: results.map((r) => ({ question: r.label, path: r.path, wallMs: figures(r.times.wallMs), cpuMs: figures(r.times.cpuMs), answer: r.times.answer })),
  }));
}

function options(): { runs: string; json: boolean; keep: boolean } {
  try {
    return parseArgs({
      options: { runs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`status: ${(error as Error).message}; usage: npm run bench -- status [--runs N] [--json] [--keep]`);
    process.exit(64);
  }
}

function skipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces)';
  if (heartbeatBinary() === undefined) return 'needs heartbeat 3.0.6 (the Debian package; scripts/install-system-deps.sh)';
  const missing = missingCommands(['ip', 'nsenter', 'unshare', 'bash', 'cl_status']);
  return missing.length > 0 ? `needs the commands ${missing.join(', ')}` : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
