import { HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/** CTS `Restart`: stop the daemon and start it again at once; the groups end at home. */
export const restart: CtsFault = {
  kind: 'restart',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const victim = random.int(1, 2);
    const at = performance.now();
    await cluster.stopDaemon(victim);
    await cluster.startDaemon(victim);
    const homeAt = await cluster.placed(HOME, `each group at home after ${cluster.node(victim).name}'s restart`);
    await cluster.checkDaemonsAlive();
    return { detail: `${label(cluster, victim)}; home ${seconds(homeAt - at)} after the stop`, recoverMs: homeAt - at };
  },
};
