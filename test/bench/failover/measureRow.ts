import { sleep } from '../../lib/sleep.js';
import { waitForClusterView } from '../../lib/waitForClusterView.js';
import { STANDBY_DROPPED, waitStable } from '../../lib/standbyWhenStable.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { CleanupStack } from '../ipaddr/CleanupStack.js';
import type { DaemonPair } from './DaemonPair.js';
import { FailoverCluster } from './FailoverCluster.js';
import { measureCrash } from './measureCrash.js';
import { measureMove } from './measureMove.js';
import type { RowSamples } from './RowSamples.js';
import type { TimingRow } from './TimingRow.js';

/** A daemon announces deadtime + 2 s for its first 5 s; the owner is crashed only after that. */
const SETTLE_MS = 6500;

/**
 * `runs` rounds for one daemon pair at one timing, in a lab of its own: the owner's power cut
 * (takeover by node2), its return (failback to node1 with auto_failback on), then a standby of
 * node1 (node2 takes the group) and one of node2 (back to node1, not measured). A failure ends the
 * row with the figures so far and the reason; the lab is removed either way.
 */
export async function measureRow(
  pair: DaemonPair,
  timing: TimingRow,
  runs: number,
  outer: CleanupStack,
  say: (line: string) => void,
  keep: boolean,
): Promise<RowSamples> {
  const samples: RowSamples = { crash: [], failback: [], standby: [] };
  const cleanup = new CleanupStack();
  outer.push(() => cleanup.run());
  try {
    const c = await FailoverCluster.create(pair, timing, cleanup, keep);
    await c.start();
    let ownerStartedAt = performance.now();
    for (let round = 1; round <= runs; round++) {
      await sleep(Math.max(0, ownerStartedAt + SETTLE_MS - performance.now()));
      if ('heartline' in c.survivor) await waitForClusterView(c.survivor.heartline, { node1: { status: 'active', deadtimeMs: timing.deadtimeMs } });
      c.capture.forget(performance.timeOrigin + performance.now() - 10_000);
      const crash = await measureCrash(c);
      samples.crash.push(crash);

      await waitUntil('node1\'s daemon to be gone with its node', async () => ((await c.owner.isRunning()) ? undefined : true), { timeoutMs: 10_000, intervalMs: 20 });
      await c.node1.boot();
      const failback = await measureMove(c, {
        from: c.node2,
        to: c.node1,
        what: `the group to fail back to node1 after crash ${round}`,
        // Heartline is only spawned: waiting for `ha status` to answer would run a CLI every 100 ms beside the failback.
        request: async () => ('heartline' in c.owner ? c.owner.heartline.start() : c.owner.start()),
        guard: () => {
          if ('heartline' in c.owner && !c.owner.heartline.running) throw new Error(`node1's Heartline exited: ${c.owner.heartline.output().slice(-1000)}`);
        },
      });
      ownerStartedAt = performance.now();
      samples.failback.push(failback);

      await waitStable([c.owner, c.survivor]);
      const marks = [c.owner.log.mark(), c.survivor.log.mark()] as const;
      const dropped = (): void => {
        const line = c.owner.log.find(STANDBY_DROPPED, marks[0]) ?? c.survivor.log.find(STANDBY_DROPPED, marks[1]);
        if (line !== undefined) throw new Error(`a standby was dropped: ${line.text}`);
      };
      const standby = await measureMove(c, {
        from: c.node1,
        to: c.node2,
        what: `the group to move to node2 after node1's standby (round ${round})`,
        request: () => c.owner.standby('all'),
        guard: dropped,
      });
      samples.standby.push(standby);
      await waitStable([c.owner, c.survivor]);
      await c.survivor.standby('all');
      await c.waitPlaced(c.node1, `the group back on node1 after node2's standby (round ${round})`, dropped);
      say(`  ${pair.id} ${timing.label} round ${round}/${runs}: ${describe(samples, round - 1)}`);
    }
    c.succeed();
  } catch (error) {
    samples.failure = (error as Error).message.replace(/\s+/g, ' ').slice(0, 400);
    say(`  ${pair.id} ${timing.label}: stopped after ${samples.crash.length} crash(es): ${samples.failure}`);
  } finally {
    await cleanup.run();
  }
  return samples;
}

function ms(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(0)} ms`;
}

function describe(s: RowSamples, i: number): string {
  const crash = s.crash[i]!;
  return [
    `dead ${ms(crash.detectionMs)}`,
    `GARP +${ms(crash.overheadMs)}`,
    `ping gap ${ms(crash.pingGapMs)}`,
    `service ${ms(crash.crashToServiceMs)}`,
    `failback gap ${ms(s.failback[i]?.pingGapMs)}`,
    `standby gap ${ms(s.standby[i]?.pingGapMs)}`,
  ].join(', ');
}
