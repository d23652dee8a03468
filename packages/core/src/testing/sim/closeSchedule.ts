import { awaitConvergence } from './awaitConvergence.js';
import { groupPlacement } from './groupPlacement.js';
import { simBounds as B } from './simBounds.js';
import type { SimWorld } from './SimWorld.js';

/**
 * The end of every run: the network heals, the weather calms, every machine comes back, and the
 * healthy cluster must converge within the bound. With groups, then the failback probe: the
 * probe node leaves gracefully (its peer must take every group), comes back, and the groups must
 * end where auto_failback says (on, legacy: each on its home node; off: all stay on the peer).
 * Returns the convergence times measured (ms from healthy to converged).
 */
export async function closeSchedule(world: SimWorld): Promise<number[]> {
  const measured: number[] = [];
  const { machines, schedule, timeline, clock } = world;
  const start = clock.now();
  timeline.add(start, 'sim', 'step', 'closing: heal the network, calm weather, every machine up');
  world.faults.heal(start);
  world.faults.weather(0, [1, 1], 0, start);
  for (const m of machines) m.ensureUp();
  const healthyFrom = Math.max(start, ...machines.map((m) => m.bootableAtMs));
  const bound = schedule.groups ? B.convergenceMs : B.membershipConvergenceMs;
  const quiet = schedule.groups ? B.quietMs : B.membershipQuietMs;
  const settled = await awaitConvergence(world, healthyFrom, bound, quiet, 'after the schedule');
  if (settled === undefined) return measured;
  measured.push(settled);
  if (!schedule.groups) return measured;

  const leaver = machines[schedule.probeNode];
  const peer = machines.find((m) => m !== leaver);
  if (leaver === undefined || peer === undefined) return measured;
  timeline.add(clock.now(), 'sim', 'step', `probe: graceful stop of ${leaver.name}`);
  leaver.stop(undefined);
  const stopAt = clock.now();
  for (;;) {
    await world.advance(250);
    if (world.ended) return measured;
    const placement = groupPlacement(world);
    if (leaver.phase === 'down' && [...placement.values()].every((holder) => holder === peer.name)) break;
    if (clock.now() - stopAt > B.handoverMs) {
      world.checker.fail(
        'shutdown-handover',
        clock.now(),
        `${leaver.name} left gracefully ${B.handoverMs / 1000} s ago (it is ${leaver.phase}) and ${peer.name} does not run every group: ${[...placement].map(([g, n]) => `${g}@${n}`).join(' ')}`,
      );
      world.check();
      return measured;
    }
  }
  timeline.add(clock.now(), 'sim', 'step', `probe: ${leaver.name} starts again (auto_failback ${schedule.autoFailback})`);
  const back = clock.now();
  leaver.ensureUp();
  const again = await awaitConvergence(world, back, B.convergenceMs, B.quietMs, `after ${leaver.name} came back`);
  if (again === undefined) return measured;
  measured.push(again);
  const placement = groupPlacement(world);
  const wrong = world.config.groups.filter((g) => placement.get(g.key) !== (schedule.autoFailback === 'off' ? peer.name : g.node));
  if (wrong.length > 0) {
    const expected = schedule.autoFailback === 'off' ? `every group to stay on ${peer.name}` : 'every group on its home node';
    world.checker.fail(
      'failback',
      clock.now(),
      `auto_failback ${schedule.autoFailback}: after ${leaver.name} came back, expected ${expected}, found ${[...placement].map(([g, n]) => `${g}@${n}`).join(' ')}`,
    );
    world.check();
  }
  return measured;
}
