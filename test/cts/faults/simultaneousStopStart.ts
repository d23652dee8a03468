import { allOn, HOME, STARTUP_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { seconds, type CtsFault } from '../CtsFault.js';

/** CTS `SimulStop` then `SimulStart`: both daemons stop at once (nothing runs), then start at once (RQSTDELAY, home). */
export const simultaneousStopStart: CtsFault = {
  kind: 'simultaneous stop and start',
  applies: () => true,
  async run(cluster: CtsCluster) {
    await Promise.all([1, 2].map((i) => cluster.stopDaemon(i)));
    await cluster.placed(allOn(null), 'no service to run once both stopped');
    const startAt = performance.now();
    await Promise.all([1, 2].map((i) => cluster.startDaemon(i)));
    const homeAt = await cluster.placed(HOME, 'each group at home after both started', STARTUP_TIMEOUT_MS);
    await cluster.checkDaemonsAlive();
    return { detail: `both stopped, both started: home ${seconds(homeAt - startAt)}`, recoverMs: homeAt - startAt };
  },
};
