import { readFileSync } from 'node:fs';
import type { LabNode } from '../../lib/LabNode.js';
import { sleep } from '../../lib/sleep.js';
import { waitStable } from '../../lib/standbyWhenStable.js';
import { CTS_GROUPS, HOME, MOVE_TIMEOUT_MS, START_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';
import { setCtsHang } from '../installCtsService.js';

/** After a failed start the group goes standby this much later (docs/resources.md). */
const FAILED_GROUP_STANDBY_MS = 30_000;
/** Move, start timeout, kill and rollback, the failed group's standby, the move back. */
const HUNG_START_TIMEOUT_MS = MOVE_TIMEOUT_MS + START_TIMEOUT_MS + FAILED_GROUP_STANDBY_MS + MOVE_TIMEOUT_MS;
/** The wrapper's hang (installCtsService): `sleep 3600` in the operation's process group. */
const HANG_ARGS = 'sleep\u00003600';

/**
 * A start that hangs past its timeout: the taker (a Heartline node; heartline.cf gives the first
 * service of each group `timeouts … start=3s`) has its copy of the owner's first service hang on
 * `start`. The owner goes standby, or loses power (drawn). The taker must log the timeout with
 * RESOURCE_START_FAILED naming the heartline.cf line, no earlier than 3 s after it ran the start,
 * kill the hung script's process group (no `sleep 3600` left), give the group up (`Giving up
 * resources due to failure`) and run it nowhere; never on both nodes. Then home: after a standby
 * the taker goes standby for the failed group 30 s later and the owner takes it back (as for a
 * start that fails); after a power cut the group stays down until the owner boots and takes it.
 */
export const hangingStart: CtsFault = {
  kind: 'start hangs past its timeout',
  applies: (cluster) => [1, 2].some((i) => cluster.isHeartline(i)),
  async run(cluster: CtsCluster, random) {
    const taker = random.pick([1, 2].filter((i) => cluster.isHeartline(i)));
    const owner = cluster.peer(taker);
    const how = random.pick(['standby', 'power cut'] as const);
    // After a power cut the owner boots at once, or once the failed group's standby came due with no peer to take it.
    const bootAfterMs = random.pick([0, FAILED_GROUP_STANDBY_MS + 5000]);
    const ownerName = cluster.node(owner).name;
    const takerNode = cluster.node(taker);
    const log = cluster.daemon(taker).log;
    const service = CTS_GROUPS[ownerName]![0]!;
    setCtsHang(takerNode, service, 'start', true);
    try {
      await waitStable(cluster.daemons);
      const mark = log.mark();
      const faultAt = how === 'standby' ? performance.now() : await cluster.crash(owner);
      if (how === 'standby') await cluster.daemon(owner).standby('all');
      const ran = await log.waitFor(new RegExp(`Running /etc/init.d/${service} +start`), { from: mark, timeoutMs: MOVE_TIMEOUT_MS });
      const failed = await log.waitFor(new RegExp(`RESOURCE_START_FAILED: ${service} timed out after \\d+ ms`), { from: mark, timeoutMs: START_TIMEOUT_MS + MOVE_TIMEOUT_MS });
      const afterMs = failed.seenAtMs - ran.seenAtMs;
      // The log lines are polled every 5 ms: a timeout that fired early shows up earlier than that.
      if (afterMs < START_TIMEOUT_MS - 50) throw new Error(`${service}'s start on ${takerNode.name} failed ${Math.round(afterMs)} ms after it ran, before its ${START_TIMEOUT_MS} ms timeout`);
      if (!/heartline\.cf:\d+/.test(failed.text)) throw new Error(`the timeout's log line does not name the heartline.cf line that sets it: ${failed.text}`);
      await log.waitFor(new RegExp(`Giving up resources due to failure of ${service}`), { from: mark, timeoutMs: MOVE_TIMEOUT_MS });
      const hung = await hungPids(takerNode);
      if (hung.length > 0) throw new Error(`the hung start of ${service} still runs on ${takerNode.name} (pids ${hung.join(', ')}) after its timeout`);
      const nowhereAt = await cluster.placed({ [ownerName]: null, [takerNode.name]: takerNode.name }, `${ownerName}'s group to run nowhere after the failed start`);
      if (how === 'power cut') {
        await sleep(bootAfterMs);
        await cluster.placed({ [ownerName]: null, [takerNode.name]: takerNode.name }, `${ownerName}'s group to stay down while ${ownerName} is off`);
        await cluster.checkDaemonsAlive();
        await cluster.startDaemon(owner);
      }
      const homeAt = await cluster.placed(HOME, `${ownerName} to get its group back after the hung start on ${takerNode.name}`, HUNG_START_TIMEOUT_MS);
      await cluster.checkDaemonsAlive();
      return {
        detail: `${service} start hangs on ${label(cluster, taker)}, ${ownerName} ${how === 'standby' ? how : `${how}, boots ${seconds(bootAfterMs)} after the rollback`}: killed ${seconds(afterMs)} after it ran, rolled back ${seconds(nowhereAt - faultAt)} after the ${how}; home ${seconds(homeAt - faultAt)}`,
        recoverMs: nowhereAt - faultAt,
      };
    } finally {
      setCtsHang(takerNode, service, 'start', false);
    }
  },
};

/** Host PIDs of the wrapper's hang (`sleep 3600`) on the node. */
async function hungPids(node: LabNode): Promise<number[]> {
  return (await node.pidsNamed('sleep')).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0$/, '') === HANG_ARGS;
    } catch {
      return false;
    }
  });
}
