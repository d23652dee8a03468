import { sleep } from '../../lib/sleep.js';
import { HEAL_TIMEOUT_MS, HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/**
 * Heartbeats lost for a while: 30 % loss in both directions at one node, or its link flapping
 * (down for less than deadtime, several times). Nothing should move; if a false death happens
 * anyway, both sides run everything until its heal (excused, as a partition) and exactly one must
 * hold each group afterwards. Recovery is timed from the end of the disturbance.
 */
function disturbance(kind: string, disturb: (cluster: CtsCluster, node: number, ms: number) => Promise<string>): CtsFault {
  return {
    kind,
    applies: () => true,
    async run(cluster: CtsCluster, random) {
      const node = random.int(1, 2);
      const marks = cluster.daemons.map((d) => d.log.mark());
      const excused = cluster.excuse();
      let what: string;
      let endAt: number;
      try {
        what = await disturb(cluster, node, random.int(3000, 6000));
        endAt = performance.now();
        await cluster.placed(HOME, `each group at home after ${kind}`, HEAL_TIMEOUT_MS);
      } finally {
        excused.end();
      }
      await cluster.checkDaemonsAlive();
      const homeAt = await cluster.placed(HOME, 'the groups to stay home');
      const deaths = cluster.daemons.filter((d, k) => d.log.find(/: is dead/, marks[k]) !== undefined).length;
      return { detail: `${label(cluster, node)} ${what}; ${deaths === 0 ? 'no false death' : `false death seen by ${deaths} node(s)`}`, recoverMs: homeAt - endAt };
    },
  };
}

export const loss30 = disturbance('30 % loss', async (cluster, node, ms) => {
  await cluster.node(node).setLoss(30);
  await sleep(ms);
  const dropped = await cluster.node(node).lossCounters();
  await cluster.node(node).clearLoss();
  return `${seconds(ms)} of 30 % loss (${dropped.in + dropped.out} dropped)`;
});

export const linkFlap = disturbance('link flap', async (cluster, node, ms) => {
  const flaps = Math.max(2, Math.round(ms / 1000));
  for (let k = 0; k < flaps; k++) {
    await cluster.node(node).setLink(false);
    await sleep(400);
    await cluster.node(node).setLink(true);
    await sleep(600);
  }
  return `${flaps} flaps of 400 ms down`;
});
