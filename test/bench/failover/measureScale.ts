import { heartbeatDaemon, heartlineDaemon } from '../../lib/ClusterDaemon.js';
import { linkCounters, type LinkCounters } from '../../lib/linkCounters.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import { CLOCK_TICKS_PER_S, processUsage } from '../../lib/processUsage.js';
import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { writeHaConfig } from '../../lib/writeHaConfig.js';
import { CleanupStack } from '../ipaddr/CleanupStack.js';
import { BridgeCapture } from './BridgeCapture.js';
import { daemonPids } from '../../lib/daemonPids.js';
import type { Daemon } from './FailoverCluster.js';
import type { ScaleSample } from './ScaleSample.js';
import { waitConverged } from './waitConverged.js';

const CONVERGE_TIMEOUT_MS = 120_000;
/** heartbeat acquires its (here: no) resources ~10 s after start, running scripts; idle begins after. */
const ACQUIRED = /Initial resource acquisition complete/;

/**
 * `nodes` nodes of one daemon, keepalive 1 s / deadtime 5 s, no resources, `media` (bcast, or one
 * ucast line per node's address): every daemon started at once, the time until all see each other
 * active, then `windowS` seconds of idle: CPU, memory and bytes on the wire per node.
 */
export async function measureScale(
  daemon: 'heartbeat' | 'heartline',
  nodes: number,
  media: 'bcast' | 'ucast',
  windowS: number,
  outer: CleanupStack,
  keep: boolean,
): Promise<ScaleSample> {
  const cleanup = new CleanupStack();
  outer.push(() => cleanup.run());
  const empty = { convergeMs: undefined, lastFirstStatusMs: undefined, cpuPctMean: undefined, cpuPctMax: undefined, rssMiB: undefined, pssMiB: undefined, processes: undefined, txBytesPerS: undefined, rxBytesPerS: undefined };
  const sample: ScaleSample = { daemon, nodes, media, windowS, ...empty };
  let ok = false;
  try {
    const lab = await NetnsLab.create({ nodes });
    cleanup.push(async () => {
      await lab.destroy({ keepFiles: keep || !ok });
      if (keep || !ok) console.error(`failover: lab files kept in ${lab.dir}`);
    });
    const names = lab.nodes.map((n) => n.name);
    const addresses = lab.nodes.map((n) => n.address);
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: names,
        iface: node.iface,
        media: [media === 'bcast' ? { kind: 'bcast' } : { kind: 'ucast', peers: addresses }],
        keepalive: '1',
        deadtime: '5',
        initdead: '10',
        extra: ['realtime off'],
      });
    }
    const capture = new BridgeCapture(lab.bridgeNs);
    cleanup.push(() => capture.stop());
    await capture.ready();
    const daemons: Daemon[] = lab.nodes.map((n) => (daemon === 'heartline' ? heartlineDaemon(n) : heartbeatDaemon(n)));
    for (const d of daemons) cleanup.push(() => d.close());

    // Started without waiting for `ha status` (Heartline) in between: n status clients would load the CPUs the daemons start on.
    const startAt = performance.now();
    await Promise.all(daemons.map((d) => ('heartline' in d ? d.heartline.start() : d.start())));
    const convergedAt = await waitConverged(daemons, names, CONVERGE_TIMEOUT_MS);
    const firstStatuses = addresses.map((a) => capture.frames.find((f) => f.kind === 'status' && f.srcIp === a)?.atMs);
    const lastFirst = firstStatuses.every((t) => t !== undefined) ? Math.max(...(firstStatuses as number[])) : undefined;
    Object.assign(sample, {
      convergeMs: convergedAt - startAt,
      lastFirstStatusMs: lastFirst === undefined ? undefined : lastFirst - (performance.timeOrigin + startAt),
    });
    await capture.stop();

    await waitUntil('every daemon to finish its initial resource acquisition', () => (daemons.every((d) => d.log.find(ACQUIRED) !== undefined) ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    await sleep(3000);
    const before = await snapshot(lab.nodes);
    const windowStart = performance.now();
    await sleep(windowS * 1000);
    const after = await snapshot(lab.nodes);
    const elapsedS = (performance.now() - windowStart) / 1000;
    const cpu = after.map((a, i) => (100 * (a.cpuTicks - before[i]!.cpuTicks)) / CLOCK_TICKS_PER_S / elapsedS);
    const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
    Object.assign(sample, {
      cpuPctMean: mean(cpu),
      cpuPctMax: Math.max(...cpu),
      rssMiB: mean(after.map((a) => a.rssKb / 1024)),
      pssMiB: mean(after.map((a) => a.pssKb / 1024)),
      processes: mean(after.map((a) => a.processes)),
      txBytesPerS: mean(after.map((a, i) => (a.link.txBytes - before[i]!.link.txBytes) / elapsedS)),
      rxBytesPerS: mean(after.map((a, i) => (a.link.rxBytes - before[i]!.link.rxBytes) / elapsedS)),
    });
    const stopped = (await Promise.all(daemons.map(async (d) => ((await d.isRunning()) ? undefined : d.node.name)))).filter(Boolean);
    if (stopped.length > 0) throw new Error(`the daemon of ${stopped.join(', ')} is no longer running`);
    ok = true;
  } catch (error) {
    sample.failure = (error as Error).message.replace(/\s+/g, ' ').slice(0, 400);
  } finally {
    await cleanup.run();
  }
  return sample;
}

interface NodeSnapshot {
  readonly cpuTicks: number;
  readonly rssKb: number;
  readonly pssKb: number;
  readonly processes: number;
  readonly link: LinkCounters;
}

async function snapshot(nodes: NetnsLab['nodes']): Promise<NodeSnapshot[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const usages = (await daemonPids(node)).map(processUsage).filter((u) => u !== undefined);
      return {
        cpuTicks: usages.reduce((s, u) => s + u.cpuTicks, 0),
        rssKb: usages.reduce((s, u) => s + u.rssKb, 0),
        pssKb: usages.reduce((s, u) => s + u.pssKb, 0),
        processes: usages.length,
        link: await linkCounters(node),
      };
    }),
  );
}
