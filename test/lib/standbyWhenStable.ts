import type { ClusterDaemon } from './ClusterDaemon.js';
import { isPlaced, type LsbGroups } from './groupPlacement.js';
import type { LabNode } from './LabNode.js';
import type { NeverTwiceWatch } from './NeverTwiceWatch.js';
import { waitUntil } from './waitUntil.js';

/**
 * The log lines (heartbeat's, which Heartline keeps) of a standby request that was dropped: the
 * peer or we were "in flux", a standby was already running, or the peer never answered (10 s).
 */
export const STANDBY_DROPPED = /standby message \[\w+\] from \S+ ignored|Standby in progress- new request|No reply to standby request/;

/**
 * How long a standby asked for while both sides are stable may take to place the groups. Measured
 * with heartbeat 3.0.6 on both ends of the 19200-baud cable, 24 standbys
 * (test/dist/interop/measure-serial-standby.js): placed in 1.08 s min, 1.20 s p50, 1.62 s p95,
 * 1.65 s max; both sides stable again 2.48 s max; none dropped. Six times the maximum, for a
 * loaded CI machine.
 */
export const STANDBY_PLACED_MS = 10_000;

/** Until both daemons say they are stable (`rscstatus` other than `transition`). */
export async function waitStable(daemons: readonly ClusterDaemon[], timeoutMs = 30_000): Promise<void> {
  await waitUntil('both daemons to be stable (rscstatus)', async () => {
    const states = await Promise.all(daemons.map((d) => d.rscstatus()));
    return states.every((s) => s !== '' && s !== 'transition') ? true : undefined;
  }, { timeoutMs, intervalMs: 100 });
}

/**
 * `by` runs hb_standby / hb_takeover (`ha standby` / `ha takeover`) for `set` once both sides are
 * stable, then waits until `placement` holds. A request made while the requester still sees its
 * peer "in flux" (right after a previous transition, before the peer's `resource isstable=1`
 * arrived) is dropped by heartbeat 3.0.6 on the requester's side but accepted by the peer, which
 * then waits out its one-hour standby timer: both refuse every standby for an hour ("Standby in
 * progress ... [3600 seconds left]"). Waiting for stability avoids that; a request dropped anyway
 * fails the wait at once with the line that says so.
 */
export async function standbyWhenStable(
  move: { readonly by: ClusterDaemon; readonly op: 'standby' | 'takeover'; readonly set: string; readonly daemons: readonly ClusterDaemon[] },
  nodes: readonly LabNode[],
  groups: LsbGroups,
  placement: Readonly<Record<string, string>>,
  watch: NeverTwiceWatch,
): Promise<void> {
  await waitStable(move.daemons);
  const marks = move.daemons.map((d) => d.log.mark());
  await move.by[move.op](move.set);
  await waitUntil(
    `the groups to move after ${move.by.node.name}'s ${move.op} ${move.set}`,
    async () => ((await isPlaced(nodes, groups, placement)) ? true : undefined),
    {
      timeoutMs: STANDBY_PLACED_MS,
      intervalMs: 100,
      guard: () => {
        watch.check();
        const dropped = move.daemons.map((d, i) => d.log.find(STANDBY_DROPPED, marks[i])).find((l) => l !== undefined);
        if (dropped !== undefined) throw new Error(`${move.by.node.name}'s ${move.op} ${move.set} was dropped: ${dropped.text}`);
      },
    },
  );
}

