import type { CtsFault } from './CtsFault.js';
import type { SeededRandom } from './SeededRandom.js';

/**
 * `count` faults from `kinds`: rounds of every kind in a seeded random order, so a run of at least
 * as many faults as kinds covers each, and a given seed always yields the same schedule.
 */
export function scheduleFaults(kinds: readonly CtsFault[], count: number, random: SeededRandom): CtsFault[] {
  if (kinds.length === 0) throw new RangeError('no fault kind applies');
  const schedule: CtsFault[] = [];
  while (schedule.length < count) schedule.push(...random.shuffle(kinds));
  return schedule.slice(0, count);
}
