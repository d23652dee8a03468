import type { Stats } from './Stats.js';

/** `min / median / p95 / max` in whole ms, or `n/a`. */
export function formatStats(stats: Stats | undefined): string {
  if (stats === undefined) return 'n/a';
  return [stats.min, stats.median, stats.p95, stats.max].map((v) => v.toFixed(0)).join(' / ');
}

/** Seconds with two decimals: `0.61 (0.56–0.75)` (median, then min–max), or `n/a`. */
export function formatSeconds(stats: Stats | undefined): string {
  if (stats === undefined) return 'n/a';
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  return `${s(stats.median)} (${s(stats.min)}–${s(stats.max)})`;
}

/** `a / b` of two medians as `1.7x`, or `n/a`. */
export function formatRatio(a: Stats | undefined, b: Stats | undefined): string {
  if (a === undefined || b === undefined || b.median <= 0) return 'n/a';
  return `${(a.median / b.median).toFixed(2)}x`;
}
