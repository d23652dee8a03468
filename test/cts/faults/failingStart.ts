import { setLsbStartFailure } from '../../lib/LsbFixtures.js';
import { waitStable } from '../../lib/standbyWhenStable.js';
import { CTS_GROUPS, HOME, MOVE_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/** The failed group goes standby 30 s after the failure (docs/resources.md), then the owner takes it: room for that. */
const FAILED_START_TIMEOUT_MS = 30_000 + MOVE_TIMEOUT_MS + 10_000;

/**
 * A resource whose start fails: the taker (a Heartline node) has the first service of the owner's
 * group refuse to start; the owner goes standby, the taker's start fails and is rolled back
 * (`Giving up resources due to failure`), 30 s later the taker goes standby for that group and the
 * owner takes it back. Never on both nodes; home at the end.
 */
export const failingStart: CtsFault = {
  kind: 'resource start fails',
  applies: (cluster) => [1, 2].some((i) => cluster.isHeartline(i)),
  async run(cluster: CtsCluster, random) {
    const taker = random.pick([1, 2].filter((i) => cluster.isHeartline(i)));
    const owner = cluster.peer(taker);
    const service = CTS_GROUPS[cluster.node(owner).name]![0]!;
    setLsbStartFailure(cluster.node(taker), service, true);
    try {
      await waitStable(cluster.daemons);
      const mark = cluster.daemon(taker).log.mark();
      const askedAt = performance.now();
      await cluster.daemon(owner).standby('all');
      await cluster.daemon(taker).log.waitFor(new RegExp(`Giving up resources due to failure of ${service}`), { from: mark, timeoutMs: MOVE_TIMEOUT_MS });
      const homeAt = await cluster.placed(HOME, `${cluster.node(owner).name} to take its group back after ${cluster.node(taker).name}'s failed start`, FAILED_START_TIMEOUT_MS);
      await cluster.checkDaemonsAlive();
      return { detail: `${service} fails on ${label(cluster, taker)}; back home ${seconds(homeAt - askedAt)} after the standby`, recoverMs: homeAt - askedAt };
    } finally {
      setLsbStartFailure(cluster.node(taker), service, false);
    }
  },
};
