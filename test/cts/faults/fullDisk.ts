import type { HeartlineProcess } from '../../lib/HeartlineProcess.js';
import { allOn, HOME, type CtsCluster } from '../CtsCluster.js';
import { label, seconds, type CtsFault } from '../CtsFault.js';

/** Mounts a tiny tmpfs over the state dir in the node's own mount namespace, with the dir's files, and fills it. */
const FILL = [
  'set -e',
  'd="$1"; save=/run/cts-state-save',
  'rm -rf "$save"; mkdir -p "$save"; cp -a "$d"/. "$save"/',
  'mount -t tmpfs -o size=64k ctsfull "$d"',
  'cp -a "$save"/. "$d"/',
  'dd if=/dev/zero of="$d/cts-filler" bs=1k 2>/dev/null || true',
  'if echo x > "$d/cts-probe" 2>/dev/null; then echo "not full"; exit 1; fi',
].join('\n');

/** Frees the space and puts what the daemon wrote meanwhile back on the real dir (as a freed disk keeps its files). */
const EMPTY = [
  'set -e',
  'd="$1"; save=/run/cts-state-save',
  'rm -f "$d/cts-filler" "$d/cts-probe"',
  'rm -rf "$save"; mkdir -p "$save"; cp -a "$d"/. "$save"/',
  'umount "$d"',
  'cp -a "$save"/. "$d"/',
].join('\n');

/**
 * A full disk when the daemon writes its generation file: a Heartline node stops (the peer takes
 * everything), its state dir fills up, it starts again. Either it refuses to start with
 * DAEMON_STATE_DIR (the peer keeps everything), or it starts with a generation above the last one
 * on disk (never a reused generation). Then the disk is freed and it starts at home.
 */
export const fullDisk: CtsFault = {
  kind: 'full disk at the generation file',
  applies: (cluster) => [1, 2].some((i) => cluster.isHeartline(i)),
  async run(cluster: CtsCluster, random) {
    const victim = random.pick([1, 2].filter((i) => cluster.isHeartline(i)));
    const node = cluster.node(victim);
    const heartline = (cluster.daemon(victim) as unknown as { heartline: HeartlineProcess }).heartline;
    const dir = heartline.stateDir;
    const survivorName = cluster.node(cluster.peer(victim)).name;
    const generation = async (): Promise<number> => Number((await node.exec('cat', [`${dir}/hb_generation`])).stdout.trim());
    await cluster.stopDaemon(victim);
    await cluster.placed(allOn(survivorName), `${survivorName} to take every group after the stop`);
    const before = await generation();
    await node.exec('sh', ['-c', FILL, 'sh', dir]);
    let outcome: string;
    const startAt = performance.now();
    try {
      const refused = await cluster.startDaemon(victim).then(() => undefined, (error: unknown) => error as Error);
      if (refused === undefined) {
        const after = await generation();
        if (!(after > before)) throw new Error(`${node.name} started on a full disk with generation ${after} on disk (was ${before})`);
        await cluster.placed(HOME, `${node.name} (started on a full disk) to get its group back`);
        outcome = `started anyway, generation ${before} → ${after} persisted`;
        await cluster.stopDaemon(victim);
        await cluster.placed(allOn(survivorName), `${survivorName} to take every group after the stop`);
      } else {
        if (!/DAEMON_STATE_DIR/.test(heartline.output().slice(-4000))) throw new Error(`${node.name} failed to start on a full disk without DAEMON_STATE_DIR: ${refused.message}`);
        await cluster.placed(allOn(survivorName), `${survivorName} to keep every group while ${node.name} cannot start`);
        outcome = 'refused to start (DAEMON_STATE_DIR)';
      }
    } finally {
      await node.exec('sh', ['-c', EMPTY, 'sh', dir], { allowFailure: true });
    }
    await cluster.startDaemon(victim);
    const homeAt = await cluster.placed(HOME, `${node.name} to come home once its disk has room`);
    await cluster.checkDaemonsAlive();
    return { detail: `${label(cluster, victim)} ${outcome}; home ${seconds(homeAt - startAt)} after the first start`, recoverMs: homeAt - startAt };
  },
};
