import type { LogLevel } from './Logger.js';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, crit: 4 };

/** Whether `level` is at least `threshold` (debug < info < warn < error < crit). */
export function atLeast(level: LogLevel, threshold: LogLevel): boolean {
  return RANK[level] >= RANK[threshold];
}
