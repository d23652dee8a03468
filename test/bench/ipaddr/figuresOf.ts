import { percentile } from '../../lib/percentile.js';
import type { Figures } from './Figures.js';

/** p50 / p99 (nearest rank) / min / max of a sample; undefined when it is empty. */
export function figuresOf(values: readonly number[]): Figures | undefined {
  if (values.length === 0) return undefined;
  return {
    n: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
