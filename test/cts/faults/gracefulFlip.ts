import { allOn, HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/** CTS `Flip`: a graceful stop (the peer takes the groups at once, on `shutdone`), later a start (failback). */
export const gracefulFlip: CtsFault = {
  kind: 'graceful stop, then start',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const victim = random.int(1, 2);
    const survivorName = cluster.node(cluster.peer(victim)).name;
    const stopAt = performance.now();
    await cluster.stopDaemon(victim);
    const tookAt = await cluster.placed(allOn(survivorName), `${survivorName} to take every group after the stop`);
    await cluster.checkDaemonsAlive();
    const startAt = performance.now();
    await cluster.startDaemon(victim);
    const backAt = await cluster.placed(HOME, `${cluster.node(victim).name}'s group to come home after its start`);
    return { detail: `${label(cluster, victim)}; stop → peer holds all ${seconds(tookAt - stopAt)}, start → home ${seconds(backAt - startAt)}`, recoverMs: tookAt - stopAt };
  },
};
