import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { CTS_GROUPS, HEAL_TIMEOUT_MS, HOME, MOVE_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { ctsServicePlacement } from '../ctsPlacement.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/**
 * CTS `Split_brain`: one node's interface goes down and the serial cable is cut (unplugged or
 * silenced, drawn) for longer than deadtime; both sides declare the other dead and take every
 * group (both run everything: excused). On heal (network and cable back at once) both give up and
 * restart (spec §7.7), and exactly one keeps each group: home. Recovery is timed from the heal.
 */
export const partition: CtsFault = {
  kind: 'partition and heal',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const cut = random.int(1, 2);
    const how = random.pick(cluster.cableCuts());
    const excused = cluster.excuse();
    await cluster.node(cut).setLink(false);
    await cluster.cable.cut(how);
    await waitUntil('both sides to run every service', async () => {
      const where = await ctsServicePlacement(cluster.nodes, CTS_GROUPS);
      return Object.values(where).every((hosts) => hosts.length === 2) ? true : undefined;
    }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 });
    await sleep(random.int(500, 2000));
    const healAt = performance.now();
    await cluster.node(cut).setLink(true);
    await cluster.cable.restore();
    try {
      // The excuse ends once a single holder is seen per group; anything double after that counts.
      await cluster.placed(HOME, 'exactly one holder per group, at home, after the heal', HEAL_TIMEOUT_MS);
    } finally {
      excused.end();
    }
    await cluster.checkDaemonsAlive();
    const homeAt = await cluster.placed(HOME, 'the groups to stay home');
    return { detail: `${label(cluster, cut)} cut off, serial cable ${how}; split brain seen, heal → one holder each ${seconds(homeAt - healAt)}`, recoverMs: homeAt - healAt };
  },
};
