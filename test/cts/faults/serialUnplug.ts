import type { LabNode } from '../../lib/LabNode.js';
import { readLsbEvents } from '../../lib/LsbFixtures.js';
import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import type { CableCut } from '../CtsCable.js';
import { CTS_GROUPS, HEAL_TIMEOUT_MS, HOME, MOVE_TIMEOUT_MS, type CtsCluster } from '../CtsCluster.js';
import { ctsServicePlacement } from '../ctsPlacement.js';
import { label, seconds, type CtsFault, type FaultOutcome } from '../CtsFault.js';
import type { SeededRandom } from '../SeededRandom.js';
import { waitForLinks } from '../waitForLinks.js';

/**
 * The serial cable is cut (unplugged or silenced: CtsCable, drawn among what the cluster allows)
 * and restored. The seed draws one of two variants:
 *
 * - **alone**: bcast keeps the nodes together. Each side logs the serial link dead, nobody is
 *   declared dead, no service starts or stops; once restored each side logs the link up again.
 * - **in a partition**: one node's interface goes down first: the cable alone carries the cluster
 *   (bcast link dead, no death, nothing moves). Then the cable is cut too: both sides take
 *   everything (excused as a partition). Cable and network come back in a drawn order; exactly one
 *   holder per group, at home, and the serial link up again on both sides.
 */
export const serialUnplug: CtsFault = {
  kind: 'serial unplug',
  applies: () => true,
  async run(cluster: CtsCluster, random) {
    const how = random.pick(cluster.cableCuts());
    return random.int(0, 1) === 0 ? alone(cluster, how, random) : inPartition(cluster, how, random);
  },
};

async function alone(cluster: CtsCluster, how: CableCut, random: SeededRandom): Promise<FaultOutcome> {
  const cutMs = random.int(2000, 5000);
  const marks = cluster.daemons.map((d) => d.log.mark());
  const events = cluster.nodes.map((n) => moves(n));
  const cutAt = await cluster.cable.cut(how);
  let deadAt: number;
  let restoreAt: number;
  let upMarks: number[];
  try {
    deadAt = await waitForLinks(cluster, 'serial', 'dead', marks, MOVE_TIMEOUT_MS);
    await sleep(Math.max(0, cutAt + cutMs - performance.now()));
  } finally {
    // Marked before: a silenced line resumes with its backlog, logged up within milliseconds.
    upMarks = cluster.daemons.map((d) => d.log.mark());
    restoreAt = await cluster.cable.restore();
  }
  const upAt = await waitForLinks(cluster, 'serial', 'up', upMarks, MOVE_TIMEOUT_MS);
  noDeath(cluster, marks, 'the serial cable was cut while bcast was up');
  const moved = cluster.nodes.filter((n, k) => moves(n) !== events[k]).map((n) => n.name);
  if (moved.length > 0) throw new Error(`services started or stopped on ${moved.join(', ')} while only the serial cable was cut`);
  await cluster.placed(HOME, 'the groups to stay home');
  await cluster.checkDaemonsAlive();
  return {
    detail: `${how} ${seconds(cutMs)}, bcast up: serial link dead on both ${seconds(deadAt - cutAt)} after the cut, up ${seconds(upAt - restoreAt)} after the restore; no death, nothing moved`,
    recoverMs: upAt - restoreAt,
  };
}

async function inPartition(cluster: CtsCluster, how: CableCut, random: SeededRandom): Promise<FaultOutcome> {
  const cut = random.int(1, 2);
  const cableFirst = random.int(0, 1) === 0;
  const marks = cluster.daemons.map((d) => d.log.mark());
  let excused: { end(): void } | undefined;
  let firstAt: number;
  let cableMarks: number[] = [];
  try {
    await cluster.node(cut).setLink(false);
    await waitForLinks(cluster, 'bcast', 'dead', marks, MOVE_TIMEOUT_MS);
    await sleep(random.int(500, 1500));
    noDeath(cluster, marks, 'bcast was cut while the serial cable was in');
    await cluster.placed(HOME, 'the groups to stay home while the serial cable carries the cluster');
    excused = cluster.excuse();
    await cluster.cable.cut(how);
    await waitUntil('both sides to run every service once the cable is cut too', async () => {
      const where = await ctsServicePlacement(cluster.nodes, CTS_GROUPS);
      return Object.values(where).every((hosts) => hosts.length === 2) ? true : undefined;
    }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 });
    await sleep(random.int(500, 2000));
  } finally {
    // Undone whatever happened: the order of the two restores is the seed's.
    const restoreCable = (): Promise<number> => {
      cableMarks = cluster.daemons.map((d) => d.log.mark());
      return cluster.cable.restore();
    };
    const restores = [restoreCable, () => cluster.node(cut).setLink(true).then(() => performance.now())];
    if (!cableFirst) restores.reverse();
    firstAt = await restores[0]!();
    await sleep(random.int(500, 3000));
    await restores[1]!();
  }
  let homeAt: number;
  try {
    homeAt = await cluster.placed(HOME, 'exactly one holder per group, at home, after the cable and the network came back', HEAL_TIMEOUT_MS);
  } finally {
    excused?.end();
  }
  await waitForLinks(cluster, 'serial', 'up', cableMarks, MOVE_TIMEOUT_MS);
  await cluster.checkDaemonsAlive();
  await cluster.placed(HOME, 'the groups to stay home');
  return {
    detail: `${label(cluster, cut)} off bcast (no death), then the cable ${how}: split brain; ${cableFirst ? 'cable, then network' : 'network, then cable'} back: one holder each ${seconds(homeAt - firstAt)} after the first`,
    recoverMs: homeAt - firstAt,
  };
}

/** Real starts and stops of the fixture services on the node so far. */
function moves(node: LabNode): number {
  return readLsbEvents(node).filter((e) => e.kind === 'start' || e.kind === 'stop').length;
}

function noDeath(cluster: CtsCluster, marks: readonly number[], when: string): void {
  for (const [k, d] of cluster.daemons.entries()) {
    const death = d.log.find(/: is dead/, marks[k]);
    if (death !== undefined) throw new Error(`${d.node.name} declared a death when ${when}: ${death.text}`);
  }
}
