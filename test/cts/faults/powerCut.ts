import { allOn, HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/** CTS `Stonith`: the owner of a group loses power; the survivor takes every group; it boots and gets its own back. */
export const powerCut: CtsFault = {
  kind: 'power cut of the owner',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const victim = random.int(1, 2);
    const survivor = cluster.peer(victim);
    const cutAt = await cluster.crash(victim);
    const tookAt = await cluster.placed(allOn(cluster.node(survivor).name), `${cluster.node(survivor).name} to take every group after the power cut`);
    await cluster.checkDaemonsAlive();
    await cluster.startDaemon(victim);
    const backAt = await cluster.placed(HOME, `${cluster.node(victim).name} to get its group back after booting`);
    return { detail: `${label(cluster, victim)} off; failover ${seconds(tookAt - cutAt)}, failback ${seconds(backAt - cutAt - (tookAt - cutAt))}`, recoverMs: tookAt - cutAt };
  },
};
