// `npm run bench -- daemon [--quick] [--window S] [--sizes 2,8] [--daemons …] [--profile DIR] [--json] [--keep]`:
// issue 21's "lean daemon" figures, Heartline beside heartbeat 3.0.6 in the same run. Benchmarks
// print figures; they assert no targets. For each cluster size (default 2 and 8) and each daemon, a
// namespace lab whose every node runs that daemon (bcast on one bridge, keepalive 1 s, deadtime 5 s,
// sha1, no resources); once every node has seen every peer active, finished its initial acquisition
// and settled (10 s; 3 with --quick), an idle window (60 s; 15 with --quick) is measured on every node,
// over every process of its daemon (heartbeat runs 4, Heartline 1):
//   CPU % ticks  utime + stime (/proc/PID/stat), % of one core, mean (max) over the nodes;
//   CPU % exact  the threads' time on a CPU (/proc/PID/task/TID/schedstat): the tick sampling of
//                utime/stime misjudges daemons that wake for a few µs at a time;
//   RSS / PSS    VmRSS and smaps_rollup's Pss at the end of the window, summed over the processes;
//   rx pkt/s     datagrams received on the node's interface (its peers' heartbeats), and the exact
//                CPU time per received datagram.
// A bare `node` process's RSS and PSS are printed beside them: the floor of any Node daemon.
// `--compare OTHER/packages/cli/bin/ha.js` measures another Heartline too (a checkout from before a
// change), in the same run and labs.
// `--profile DIR` runs Heartline under --cpu-prof (and a SIGUSR2 memory report, memoryReport.ts),
// then prints where its main thread spent the window, per received datagram; its figures carry the
// profiler's cost. Needs root and heartbeat 3.0.6; skips with the reason otherwise. Only
// 10.213.0.0/24 inside its own namespaces, removed at the end or on SIGINT.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingCommands } from '@heartline/core/testing';
import { heartbeatBinary } from '../lib/heartbeatBinary.js';
import { machineDescription } from '../lib/machineDescription.js';
import type { DaemonBenchOptions } from './daemon/DaemonBenchOptions.js';
import type { IdleSample } from './daemon/IdleSample.js';
import { idleTable } from './daemon/idleTable.js';
import { measureIdle, type IdleVariant } from './daemon/measureIdle.js';
import { nodeFloor } from './daemon/nodeFloor.js';
import { DAEMON_BENCH_USAGE, parseDaemonBenchOptions } from './daemon/parseDaemonBenchOptions.js';
import { profileLines } from './daemon/profileLines.js';
import { summarizeCpuProfile } from './daemon/summarizeCpuProfile.js';
import { labBenchCleanup } from './ipaddr/labBenchCleanup.js';

const options = parse(process.argv.slice(2));
const cleanup = labBenchCleanup('daemon', skipReason(options), options.json);
const say = (line: string): void => console.log(line);
const machine = machineDescription();
say(`${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}, heartbeat ${machine.heartbeat ?? 'n/a'}; ` +
  `load ${machine.loadAverage.join(' ')}`);
const began = performance.now();
const samples: IdleSample[] = [];
const failures: string[] = [];
try {
  const variants: IdleVariant[] = [
    ...options.daemons.map((d) => ({ daemon: d, label: d === 'heartline' ? 'Heartline' : 'heartbeat 3.0.6' })),
    ...(options.compare === undefined ? [] : [{ daemon: 'heartline' as const, label: `Heartline (${options.compare})`, haJs: options.compare }]),
  ];
  for (const nodes of options.sizes) {
    for (const variant of variants) {
      const daemon = variant.label;
      say(`${nodes} nodes of ${daemon}: starting, then ${options.settleS} s to settle and a ${options.windowS} s idle window`);
      try {
        const run = await measureIdle(variant, nodes, options, cleanup);
        samples.push(run.sample);
        if (run.sample.profiled && options.profileDir !== undefined) {
          const files = profileFiles(join(options.profileDir, `${nodes}-nodes`));
          const rx = Math.round(run.sample.rxPacketsPerS * run.sample.windowS * nodes);
          say(`profile of the window (${files.length} files under ${join(options.profileDir, `${nodes}-nodes`)}):`);
          for (const line of profileLines(summarizeCpuProfile(files, run.window), rx)) say(`  ${line}`);
        }
      } catch (error) {
        failures.push(`${nodes} nodes of ${daemon}: ${(error as Error).message.split('\n')[0]}`);
        say(`  failed: ${failures.at(-1)}`);
      }
    }
  }
} finally {
  await cleanup.run();
}
const floor = await nodeFloor();

say('');
say(`Idle cost per node, bcast, keepalive 1 s, deadtime 5 s, no resources; ${options.windowS} s window; mean (max) over the nodes`);
for (const line of idleTable(samples, floor)) say(line);
say('  CPU % ticks: utime + stime (tick sampled); CPU % exact: schedstat time on a CPU; both % of one core, every process of the daemon.');
say('  RSS/PSS: summed over the daemon\'s processes at the end of the window; PSS splits shared pages among the processes mapping them.');
for (const failure of failures) say(`  failed: ${failure}`);
say(`daemon: ${((performance.now() - began) / 1000).toFixed(0)} s`);
if (options.json) console.log(JSON.stringify({ bench: 'daemon', machine, windowS: options.windowS, floor, samples, failures }));
process.exit(failures.length === 0 ? 0 : 1);

function parse(argv: readonly string[]): DaemonBenchOptions {
  try {
    return parseDaemonBenchOptions(argv);
  } catch (error) {
    console.error(`daemon: ${(error as Error).message}; usage: ${DAEMON_BENCH_USAGE}`);
    process.exit(64);
  }
}

function skipReason(o: DaemonBenchOptions): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces)';
  if (o.daemons.includes('heartbeat') && heartbeatBinary() === undefined) return 'needs heartbeat 3.0.6 (the Debian package; scripts/install-system-deps.sh)';
  const missing = missingCommands(['ip', 'nsenter', 'unshare']);
  return missing.length > 0 ? `needs the commands ${missing.join(', ')}` : undefined;
}

function profileFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
}
