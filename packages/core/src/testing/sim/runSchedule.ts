import { closeSchedule } from './closeSchedule.js';
import type { SimRunResult } from './SimRunResult.js';
import type { SimSchedule } from './SimSchedule.js';
import { SimWorld, type SimWorldOptions } from './SimWorld.js';

/**
 * Runs one schedule: the nodes boot, the steps happen with their pauses, then the closing phase
 * (convergence, and the failback probe with groups). The same schedule gives the same run, to the
 * millisecond and the frame. A promise rejection nobody handled while it runs fails the run.
 */
export async function runSchedule(schedule: SimSchedule, options: SimWorldOptions = {}): Promise<SimRunResult> {
  const world = new SimWorld(schedule, options);
  const unhandled = (reason: unknown): void => world.reportProblem('an unhandled promise rejection', reason);
  process.on('unhandledRejection', unhandled);
  let convergenceMs: number[] = [];
  try {
    world.machines.forEach((m, i) => m.powerOnAfter(schedule.bootAtMs[i] ?? 0));
    await world.advance(schedule.warmupMs);
    for (const step of schedule.steps) {
      if (world.ended) break;
      world.apply(step);
      await world.advance(step.pauseMs);
    }
    if (!world.ended) convergenceMs = await closeSchedule(world);
  } finally {
    process.off('unhandledRejection', unhandled);
    for (const m of world.machines) void m.node?.halt();
  }
  const violation = world.checker.violation;
  return {
    schedule,
    ...(violation === undefined ? {} : { violation }),
    ...(violation !== undefined || world.checker.limitation === undefined ? {} : { limitation: world.checker.limitation }),
    simulatedMs: world.clock.now(),
    events: world.events,
    convergenceMs,
    frames: { ...world.network.stats },
    timeline: world.timeline.entries,
    story: world.timeline.recording ? world.timeline.format() : [],
  };
}
