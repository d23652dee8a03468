import { formatSchedule } from './formatSchedule.js';
import type { SimFailure } from './SimulationReport.js';

/**
 * A failure as a person reads it: the seed and how to run it again, the invariant broken, the
 * shortest schedule shrinking found (and how to replay exactly that), and its timeline up to the
 * violation. `command` is how the batch was started, without --seed/--schedules.
 */
export function formatFailure(failure: SimFailure, command = 'npm run sim --', timelineLines = 200): string[] {
  const { original, shrunk } = failure;
  const v = original.violation;
  const lines = [
    `FAILED: seed ${original.schedule.seed} broke invariant "${v?.invariant ?? '?'}" at +${((v?.atMs ?? 0) / 1000).toFixed(3)} s`,
    `  ${v?.message ?? ''}`,
    `  run it again: ${command} --seed ${original.schedule.seed} --schedules 1`,
    '',
    `schedule as generated (${original.schedule.steps.length} steps):`,
    ...formatSchedule(original.schedule).map((l) => `  ${l}`),
  ];
  if (shrunk === undefined) return lines;
  const sv = shrunk.replay.violation;
  lines.push(
    '',
    `shortest failing schedule found (${shrunk.schedule.steps.length} steps, ${shrunk.runs} runs${shrunk.exhausted ? ', shrink budget used up' : ''}):`,
    ...formatSchedule(shrunk.schedule).map((l) => `  ${l}`),
    `  broke "${sv?.invariant ?? '?'}" at +${((sv?.atMs ?? 0) / 1000).toFixed(3)} s: ${sv?.message ?? ''}`,
    `  replay exactly: npm run sim -- --replay '${JSON.stringify(shrunk.schedule)}'`,
    '',
    'timeline of the shortest schedule (# step, > message sent, * service, ~ machine, !! invariant):',
    ...shrunk.replay.story.slice(-timelineLines),
  );
  if (shrunk.replay.story.length > timelineLines) lines.splice(lines.length - timelineLines, 0, `  … ${shrunk.replay.story.length - timelineLines} earlier lines (--json has the whole timeline)`);
  return lines;
}
