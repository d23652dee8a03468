import { allOn, HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/**
 * CTS `standby`, both ways: node A gives everything to B (`standby all`), then B gives A's group
 * back (`standby foreign`); which node goes first is random.
 */
export const standbyBothWays: CtsFault = {
  kind: 'standby both ways',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const first = random.int(1, 2);
    const second = cluster.peer(first);
    const away = await cluster.move(first, 'standby', 'all', allOn(cluster.node(second).name));
    const back = await cluster.move(second, 'standby', 'foreign', HOME);
    await cluster.checkDaemonsAlive();
    return {
      detail: `${label(cluster, first)} standby all ${seconds(away.placedAt - away.askedAt)}, ${cluster.node(second).name} standby foreign ${seconds(back.placedAt - back.askedAt)}`,
      recoverMs: away.placedAt - away.askedAt,
    };
  },
};
