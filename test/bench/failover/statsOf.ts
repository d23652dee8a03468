import { percentile } from '../../lib/percentile.js';
import type { Stats } from './Stats.js';

/** min / median (the middle two averaged for an even count) / p95 (nearest rank) / max; undefined when empty. */
export function statsOf(values: ReadonlyArray<number | undefined>): Stats | undefined {
  const seen = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (seen.length === 0) return undefined;
  const mid = Math.floor(seen.length / 2);
  const median = seen.length % 2 === 1 ? seen[mid]! : (seen[mid - 1]! + seen[mid]!) / 2;
  return { n: seen.length, min: seen[0]!, median, p95: percentile(seen, 95), max: seen.at(-1)! };
}
