import { CTS_GROUPS, MONITOR_TIMEOUT_MS, HOME, MOVE_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';
import { setCtsHang } from '../installCtsService.js';

/**
 * A resource that hangs past its timeout: the monitored first service of a Heartline node's own
 * group stops answering `status` (heartline.cf: every 1 s, timeout 1 s, restarts=0). The monitor
 * must kill the check, count it as a failure and hand the group to the peer; the peer then gives it
 * back (`standby foreign`) once the service answers again.
 */
export const hangingStatus: CtsFault = {
  kind: 'resource hangs past its timeout',
  applies: (cluster) => [1, 2].some((i) => cluster.isHeartline(i)),
  async run(cluster: CtsCluster, random) {
    const victim = random.pick([1, 2].filter((i) => cluster.isHeartline(i)));
    const peer = cluster.peer(victim);
    const service = CTS_GROUPS[cluster.node(victim).name]![0]!;
    const mark = cluster.daemon(victim).log.mark();
    const hungAt = performance.now();
    setCtsHang(cluster.node(victim), service, 'status', true);
    let movedAt: number;
    try {
      const timedOut = await cluster.daemon(victim).log.waitFor(new RegExp(`MONITOR_FAILED.*${service}`), { from: mark, timeoutMs: MOVE_TIMEOUT_MS });
      movedAt = await cluster.placed({ ...HOME, [cluster.node(victim).name]: cluster.node(peer).name }, `${cluster.node(peer).name} to take the hung group`);
      if (timedOut.seenAtMs - hungAt < MONITOR_TIMEOUT_MS) throw new Error(`the check failed ${Math.round(timedOut.seenAtMs - hungAt)} ms after the hang, before its timeout`);
    } finally {
      setCtsHang(cluster.node(victim), service, 'status', false);
    }
    await cluster.move(peer, 'standby', 'foreign', HOME);
    await cluster.checkDaemonsAlive();
    return { detail: `${service} status hangs on ${label(cluster, victim)}; handed to ${cluster.node(peer).name} ${seconds(movedAt - hungAt)}`, recoverMs: movedAt - hungAt };
  },
};
