import { join } from 'node:path';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../../lib/ClusterDaemon.js';
import { linkCounters, type LinkCounters } from '../../lib/linkCounters.js';
import type { LabNode } from '../../lib/LabNode.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import { CLOCK_TICKS_PER_S } from '../../lib/processUsage.js';
import { repoRoot } from '../../lib/repoRoot.js';
import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { writeHaConfig } from '../../lib/writeHaConfig.js';
import type { CleanupStack } from '../ipaddr/CleanupStack.js';
import { daemonPids } from '../../lib/daemonPids.js';
import type { DaemonUsage } from './DaemonUsage.js';
import { readDaemonUsage } from './readDaemonUsage.js';
import type { IdleSample } from './IdleSample.js';
import { profilingArgs, type ProfileWindow } from './profilingArgs.js';

const CONVERGE_TIMEOUT_MS = 120_000;
const ACTIVE = /Status update for node (\S+): status active/;
/** Both daemons write it once the (here: empty) initial resource acquisition is over. */
const ACQUIRED = /Initial resource acquisition complete/;

/** Which daemon runs on every node: heartbeat, this repository's Heartline, or another `ha` (haJs). */
export interface IdleVariant {
  readonly daemon: 'heartline' | 'heartbeat';
  readonly label: string;
  readonly haJs?: string;
}

export interface IdleRun {
  readonly sample: IdleSample;
  /** The window in CLOCK_MONOTONIC µs (V8's profile clock), for reading a profile of the run. */
  readonly window: ProfileWindow;
  readonly labDir: string;
}

/**
 * `nodes` nodes of one daemon on one bridge, bcast, keepalive 1 s, deadtime 5 s, sha1, no
 * resources: all started, every node has seen every peer active and finished its initial
 * acquisition, `settleS` seconds pass, then `windowS` seconds of idle are measured on every node.
 * With `profileDir`, Heartline runs under --cpu-prof (profiles written there when it stops).
 */
export async function measureIdle(
  variant: IdleVariant,
  nodes: number,
  options: { windowS: number; settleS: number; profileDir: string | undefined; profileIntervalUs: number; keep: boolean },
  outer: CleanupStack,
): Promise<IdleRun> {
  const daemon = variant.daemon;
  const lab = await NetnsLab.create({ nodes });
  let ok = false;
  let removed = false;
  const removeLab = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    await lab.destroy({ keepFiles: options.keep || !ok });
    if (options.keep || !ok) console.error(`daemon: lab files kept in ${lab.dir}`);
  };
  outer.push(removeLab);
  const daemons: ClusterDaemon[] = [];
  try {
    const names = lab.nodes.map((n) => n.name);
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: names,
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: '1',
        deadtime: '5',
        initdead: '10',
        extra: ['realtime off'],
      });
    }
    const profiled = daemon === 'heartline' && variant.haJs === undefined && options.profileDir !== undefined;
    const ha = variant.haJs ?? join(repoRoot, 'packages/cli/bin/ha.js');
    for (const node of lab.nodes) {
      // One profile directory per node: PIDs inside the nodes' containers repeat, and so would file names.
      const haCommand: [string, ...string[]] | undefined = profiled ? [...profilingArgs(join(options.profileDir!, `${nodes}-nodes`, node.name), options.profileIntervalUs), ha] : undefined;
      const d = daemon === 'heartline' ? heartlineDaemon(node, undefined, haCommand ?? [process.execPath, ha]) : heartbeatDaemon(node);
      daemons.push(d);
      // Started one after the other without `ha status` in between: a status client costs the node CPU.
      if ('heartline' in d) d.heartline.start();
      else await d.start();
    }
    await waitUntil('every node to see every peer active and finish its initial acquisition', () => {
      return daemons.every((d) => {
        const seen = new Set(d.log.lines.flatMap((l) => ACTIVE.exec(l.text)?.[1] ?? []));
        return names.every((n) => n === d.node.name || seen.has(n)) && d.log.find(ACQUIRED) !== undefined;
      }) ? true : undefined;
    }, { timeoutMs: CONVERGE_TIMEOUT_MS, intervalMs: 200 });
    await sleep(options.settleS * 1000);

    const pids = await Promise.all(lab.nodes.map((n) => daemonPids(n)));
    const before = await snapshot(lab.nodes, pids);
    const startUs = monotonicUs();
    const startMs = performance.now();
    await sleep(options.windowS * 1000);
    const after = await snapshot(lab.nodes, pids);
    const window = { startUs, endUs: monotonicUs() };
    const elapsedS = (performance.now() - startMs) / 1000;
    const stopped = (await Promise.all(daemons.map(async (d) => ((await d.isRunning()) ? undefined : d.node.name)))).filter(Boolean);
    if (stopped.length > 0) throw new Error(`the daemon of ${stopped.join(', ')} stopped during the window`);

    const per = after.map((a, i) => {
      const b = before[i]!;
      const rx = (a.link.rxPackets - b.link.rxPackets) / elapsedS;
      const onCpuS = (a.usage.onCpuNs - b.usage.onCpuNs) / 1e9;
      return {
        cpuPct: (100 * (a.usage.cpuTicks - b.usage.cpuTicks)) / CLOCK_TICKS_PER_S / elapsedS,
        onCpuPct: (100 * onCpuS) / elapsedS,
        rssMiB: a.usage.rssKb / 1024,
        pssMiB: a.usage.pssKb / 1024,
        rx,
        usPerRx: rx === 0 ? 0 : (onCpuS * 1e6) / elapsedS / rx,
      };
    });
    const mean = (f: (p: (typeof per)[number]) => number): number => per.reduce((s, p) => s + f(p), 0) / per.length;
    const max = (f: (p: (typeof per)[number]) => number): number => Math.max(...per.map(f));
    const sample: IdleSample = {
      daemon,
      label: variant.label,
      nodes,
      windowS: elapsedS,
      cpuPctMean: mean((p) => p.cpuPct),
      cpuPctMax: max((p) => p.cpuPct),
      onCpuPctMean: mean((p) => p.onCpuPct),
      onCpuPctMax: max((p) => p.onCpuPct),
      rssMiBMean: mean((p) => p.rssMiB),
      rssMiBMax: max((p) => p.rssMiB),
      pssMiBMean: mean((p) => p.pssMiB),
      processes: after.reduce((s, a) => s + a.usage.processes, 0) / after.length,
      threads: after.reduce((s, a) => s + a.usage.threads, 0) / after.length,
      rxPacketsPerS: mean((p) => p.rx),
      cpuUsPerRxPacket: mean((p) => p.usPerRx),
      profiled,
    };
    if (profiled) {
      for (const pid of pids.flat()) process.kill(pid, 'SIGUSR2');
      await sleep(500);
    }
    // A graceful stop, so that a profiled Heartline writes its profile.
    await Promise.all(daemons.map((d) => d.stop()));
    ok = true;
    return { sample, window, labDir: lab.dir };
  } finally {
    for (const d of daemons) d.close();
    await removeLab();
  }
}

interface NodeSnapshot {
  readonly usage: DaemonUsage;
  readonly link: LinkCounters;
}

async function snapshot(nodes: readonly LabNode[], pids: readonly number[][]): Promise<NodeSnapshot[]> {
  return Promise.all(nodes.map(async (node, i) => ({ usage: readDaemonUsage(pids[i]!), link: await linkCounters(node) })));
}

function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
