import { allOn, HOME, MOVE_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/**
 * CTS `DetectionTime`: the node goes standby (it holds nothing), then its daemon alone is killed
 * (SIGKILL); the peer must declare it dead and keep everything. The daemon then starts again and
 * its group comes home. (Killing a daemon that holds groups would leave its services running
 * beside the peer's takeover: no fencing, so both would run them, as with heartbeat.)
 */
export const daemonKill: CtsFault = {
  kind: 'kill of the daemon only',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const victim = random.int(1, 2);
    const survivor = cluster.peer(victim);
    const survivorName = cluster.node(survivor).name;
    await cluster.move(victim, 'standby', 'all', allOn(survivorName));
    const mark = cluster.daemon(survivor).log.mark();
    const killedAt = await cluster.killDaemon(victim);
    const dead = await cluster.daemon(survivor).log.waitFor(new RegExp(`node ${cluster.node(victim).name}: is dead`), { from: mark, timeoutMs: MOVE_TIMEOUT_MS });
    await cluster.placed(allOn(survivorName), `${survivorName} to keep everything after the kill`);
    await cluster.checkDaemonsAlive();
    await cluster.startDaemon(victim);
    await cluster.placed(HOME, `${cluster.node(victim).name}'s group to come home after the restart`);
    return { detail: `${label(cluster, victim)} killed; "is dead" after ${seconds(dead.seenAtMs - killedAt)}`, recoverMs: dead.seenAtMs - killedAt };
  },
};
