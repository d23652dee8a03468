import { availableParallelism } from 'node:os';
import { heartbeatDaemon, heartlineDaemon } from '../../lib/ClusterDaemon.js';
import { CpuHogs } from '../../lib/CpuHogs.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import { sleep } from '../../lib/sleep.js';
import { writeHaConfig } from '../../lib/writeHaConfig.js';
import type { CleanupStack } from '../ipaddr/CleanupStack.js';
import type { Daemon } from './FailoverCluster.js';
import { LOSS_PERCENT, type LoadPhase } from './LoadPhase.js';
import type { LoadSample } from './LoadSample.js';
import { waitConverged } from './waitConverged.js';

/** The clusters under load, side by side: heartbeat with its realtime scheduling (its default) and without; Heartline ignores `realtime`. */
const VARIANTS = [
  { id: 'heartline', label: 'Heartline', daemon: 'heartline', realtime: false },
  { id: 'heartbeat', label: 'heartbeat 3.0.6, realtime off', daemon: 'heartbeat', realtime: false },
  // realtime on: heartbeat runs SCHED_RR priority 1 (checked in /proc); its mlockall fails on the 8 MiB memlock limit (logged, harmless here).
  { id: 'heartbeat-realtime', label: 'heartbeat 3.0.6, realtime on (SCHED_RR, its default)', daemon: 'heartbeat', realtime: true },
] as const;

const DEAD = /node (\S+): is dead/;
const LATE = /Late heartbeat/;
const SETTLE_MS = 6500;
const PROGRESS_EVERY_MS = 60_000;

interface LoadCluster {
  readonly variant: (typeof VARIANTS)[number];
  readonly lab: NetnsLab;
  readonly daemons: readonly Daemon[];
}

/**
 * Part 3: a 2-node cluster per variant (keepalive 50 ms, deadtime 200 ms, warntime 100 ms, bcast, no
 * resources), all running at once, then each phase for `durationS` seconds: busy loops on every
 * CPU, 10 % of the cluster datagrams dropped at every node, or both. No node dies, so every
 * `is dead` is a false death. All clusters see the same load at the same time.
 */
export async function measureFalseDeaths(phases: readonly LoadPhase[], durationS: number, cleanup: CleanupStack, say: (line: string) => void, keep: boolean): Promise<LoadSample[]> {
  const clusters: LoadCluster[] = [];
  for (const variant of VARIANTS) {
    const lab = await NetnsLab.create({ nodes: 2 });
    cleanup.push(() => lab.destroy({ keepFiles: keep }));
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: '50ms',
        deadtime: '200ms',
        warntime: '100ms',
        initdead: '10',
        extra: [`realtime ${variant.realtime ? 'on' : 'off'}`],
      });
    }
    const daemons = lab.nodes.map((n) => (variant.daemon === 'heartline' ? heartlineDaemon(n) : heartbeatDaemon(n)));
    for (const d of daemons) cleanup.push(() => d.close());
    clusters.push({ variant, lab, daemons });
  }
  await Promise.all(clusters.flatMap((c) => c.daemons.map((d) => d.start())));
  await Promise.all(clusters.map((c) => waitConverged(c.daemons, ['node1', 'node2'], 60_000)));
  await sleep(SETTLE_MS);
  if (keep) say(`  load: labs in ${clusters.map((c) => c.lab.dir).join(', ')}`);

  const samples: LoadSample[] = [];
  for (const phase of phases) {
    const marks = clusters.map((c) => c.daemons.map((d) => d.log.mark()));
    const hogs = phase.includes('cpu') ? new CpuHogs(availableParallelism()) : undefined;
    if (hogs !== undefined) cleanup.push(() => hogs.stop());
    if (phase.includes('loss')) for (const node of clusters.flatMap((c) => c.lab.nodes)) await node.setLoss(LOSS_PERCENT, { direction: 'in' });
    say(`  load phase ${phase}: ${durationS} s${hogs === undefined ? '' : `, ${hogs.count} busy loops`}${phase.includes('loss') ? `, ${LOSS_PERCENT} % of cluster datagrams dropped at each node` : ''}`);
    const endAt = performance.now() + durationS * 1000;
    while (performance.now() < endAt) {
      await sleep(Math.min(PROGRESS_EVERY_MS, endAt - performance.now()));
      const counts = clusters.map((c, i) => `${c.variant.id} ${count(c, marks[i]!, DEAD)}`).join(', ');
      say(`    ${phase}: ${Math.round(durationS - (endAt - performance.now()) / 1000)} s, false deaths so far: ${counts}`);
    }
    await hogs?.stop();
    for (const c of clusters) {
      let dropped: number | undefined;
      if (phase.includes('loss')) {
        dropped = 0;
        for (const node of c.lab.nodes) {
          dropped += (await node.lossCounters()).in;
          await node.clearLoss();
        }
      }
      const i = clusters.indexOf(c);
      const lines = c.daemons.flatMap((d, k) => d.log.lines.slice(marks[i]![k]).filter((l) => DEAD.test(l.text)).map((l) => `${d.node.name}: ${l.text}`));
      const sample: LoadSample = {
        variant: c.variant.label,
        phase,
        durationS,
        falseDeaths: lines.length,
        lateHeartbeats: count(c, marks[i]!, LATE),
        dropped,
        examples: lines.slice(0, 3),
      };
      const gone = (await Promise.all(c.daemons.map(async (d) => ((await d.isRunning()) ? undefined : d.node.name)))).filter((n) => n !== undefined);
      if (gone.length > 0) sample.failure = `the daemon of ${gone.join(', ')} exited during the phase`;
      samples.push(sample);
      say(`    ${phase} done: ${c.variant.id}: ${sample.falseDeaths} false death(s), ${sample.lateHeartbeats} late heartbeat(s)${dropped === undefined ? '' : `, ${dropped} datagrams dropped`}${sample.failure === undefined ? '' : `; ${sample.failure}`}`);
    }
    // Whoever was declared dead is back before the next phase.
    await sleep(SETTLE_MS);
  }
  return samples;
}

function count(c: LoadCluster, marks: readonly number[], pattern: RegExp): number {
  return c.daemons.reduce((n, d, k) => n + d.log.lines.slice(marks[k]).filter((l) => pattern.test(l.text)).length, 0);
}
