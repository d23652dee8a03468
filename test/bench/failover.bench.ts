// `npm run bench -- failover [--short] [--long] [--runs N] … [--json] [--markdown FILE]`: issue 22's
// published failover benchmark, heartbeat 3.0.6 and Heartline on the same machine in the same run.
// Benchmarks print figures; they assert no targets (the targets are reported as met or missed).
//  1. Failover: for each (keepalive, deadtime) and each pair — heartbeat on both nodes, Heartline on
//     both, heartbeat owning the group with Heartline taking over — a 2-node namespace cluster with
//     `node1 IPaddr::VIP/24/hleth0 hlsvc` (an LSB service), bcast, auto_failback on; per round: a
//     power cut of node1 (dead declared, first GARP, client ping gap, ARP answer gap, service
//     started on node2, the survivor's steps), node1's return (failback) and a standby of node1.
//  2. Scale: idle CPU, memory and bytes on the wire per node at keepalive 1 s for 2, 8 and 16 nodes,
//     bcast and ucast, both daemons, and the time until all are active after a simultaneous start.
//  3. With --long: false deaths at keepalive 50 ms / deadtime 200 ms under busy loops on every CPU
//     and under 10 % datagram loss (10 minutes each), Heartline and heartbeat side by side.
// Defaults: 10 rounds per pair at the fast timings, 3 at the seeds' 2 s / 10 s; `--short` is the CI
// mode (one timing, 2 rounds, small idle clusters). Needs root, heartbeat 3.0.6, tcpdump; skips
// with the reason otherwise. Everything runs in namespaces of its own (10.213.0.0/24), removed at
// the end or on SIGINT (`--keep` keeps the labs' files and prints where).
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { missingCommands } from '@heartline/core/testing';
import { heartbeatBinary } from '../lib/heartbeatBinary.js';
import { machineDescription } from '../lib/machineDescription.js';
import { breakdownTable, failoverTable } from './failover/failoverTables.js';
import type { FailoverOptions } from './failover/FailoverOptions.js';
import type { FailoverReport } from './failover/FailoverReport.js';
import type { FailoverResult } from './failover/FailoverResult.js';
import type { LoadSample } from './failover/LoadSample.js';
import { loadTable } from './failover/loadTable.js';
import { measureFalseDeaths } from './failover/measureFalseDeaths.js';
import { measureRow } from './failover/measureRow.js';
import { measureScale } from './failover/measureScale.js';
import { FAILOVER_USAGE, parseFailoverOptions } from './failover/parseFailoverOptions.js';
import { renderText } from './failover/renderTable.js';
import { reportJson } from './failover/reportJson.js';
import { reportMarkdown } from './failover/reportMarkdown.js';
import type { ScaleSample } from './failover/ScaleSample.js';
import { scaleTable } from './failover/scaleTable.js';
import { headlineTable, movesTable } from './failover/summaryTables.js';
import { targetLines } from './failover/targetLines.js';
import { labBenchCleanup } from './ipaddr/labBenchCleanup.js';

const argv = process.argv.slice(2);
const options = parse(argv);
const command = ['npm run bench -- failover', ...argv].join(' ');

const cleanup = labBenchCleanup('failover', skipReason(options), options.json);
const say = (line: string): void => console.log(line);
const machine = machineDescription();
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const began = performance.now();
let failed = false;

const failover: FailoverResult[] = [];
for (const timing of options.timings) {
  const runs = timing.seed ? options.seedRuns : options.runs;
  say(`part 1: failover at keepalive ${timing.label.replace(' / ', ', deadtime ')}, ${runs} round(s) per pair (crash, failback, standby)`);
  const result: FailoverResult = { timing, runs, pairs: {}, loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
  for (const pair of options.pairs) {
    const samples = await measureRow(pair, timing, runs, cleanup, say, options.keep);
    result.pairs[pair.id] = samples;
    failed ||= samples.failure !== undefined;
  }
  failover.push(result);
  say('');
  say(renderText(failoverTable(result)));
  say('');
  say(renderText(breakdownTable(result)));
  say('');
}

const scale: ScaleSample[] = [];
for (const nodes of options.scaleNodes) {
  for (const media of options.scaleMedia) {
    for (const daemon of ['heartbeat', 'heartline'] as const) {
      say(`part 2: ${daemon}, ${nodes} nodes, ${media}: simultaneous start, then ${options.idleWindowS} s idle`);
      const sample = await measureScale(daemon, nodes, media, options.idleWindowS, cleanup, options.keep);
      if (sample.failure !== undefined) say(`  failed: ${sample.failure}`);
      failed ||= sample.failure !== undefined;
      scale.push(sample);
    }
  }
}

let load: LoadSample[] | undefined;
if (options.loadPhases.length > 0) {
  say(`part 3: false deaths under load, ${options.loadPhases.join(', ')}, ${(options.loadS / 60).toFixed(1)} min each`);
  try {
    load = await measureFalseDeaths(options.loadPhases, options.loadS, cleanup, say, options.keep);
    failed ||= load.some((s) => s.failure !== undefined);
  } catch (error) {
    say(`  failed: ${(error as Error).message.split('\n')[0]}`);
    failed = true;
  } finally {
    await cleanup.run();
  }
}

const report: FailoverReport = {
  machine,
  loadAtEnd: loadavg().map((v) => Math.round(v * 100) / 100) as [number, number, number],
  startedAt,
  durationS: (performance.now() - began) / 1000,
  command,
  failover,
  scale,
  load,
};
say('');
say('=== summary ===');
if (failover.length > 0) say(`${renderText(headlineTable(failover))}\n\n${renderText(movesTable(failover))}`);
if (scale.length > 0) say(`\n${renderText(scaleTable(scale))}`);
if (load !== undefined) say(`\n${renderText(loadTable(load))}`);
say('\ntargets (reported, not asserted):');
for (const line of targetLines(failover, load)) say(`  ${line}`);
say(`\nfailover: ${(report.durationS / 60).toFixed(1)} min; load average ${machine.loadAverage.join(' ')} at the start, ${report.loadAtEnd.join(' ')} at the end`);
if (options.markdown !== undefined) {
  writeFileSync(options.markdown, reportMarkdown(report));
  say(`failover: report written to ${options.markdown}`);
}
if (options.json) console.log(JSON.stringify(reportJson(report)));
process.exit(failed ? 1 : 0);

function parse(args: readonly string[]): FailoverOptions {
  try {
    return parseFailoverOptions(args);
  } catch (error) {
    console.error(`failover: ${(error as Error).message}\n${FAILOVER_USAGE}`);
    process.exit(64);
  }
}

function skipReason(o: FailoverOptions): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, tcpdump)';
  if (heartbeatBinary() === undefined) return 'needs heartbeat 3.0.6 (the Debian package; scripts/install-system-deps.sh)';
  const files = ['/etc/ha.d/resource.d/IPaddr', '/usr/share/heartbeat/hb_standby'];
  const missingFiles = files.filter((f) => !existsSync(f));
  if (missingFiles.length > 0) return `needs ${missingFiles.join(', ')} (heartbeat, resource-agents)`;
  const commands = ['ip', 'tcpdump', 'nsenter', 'unshare', 'ping', 'perl', ...(o.loadPhases.some((p) => p.includes('loss')) ? ['nft'] : [])];
  const missing = missingCommands(commands);
  return missing.length > 0 ? `needs the commands ${missing.join(', ')}` : undefined;
}
