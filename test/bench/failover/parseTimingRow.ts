import type { TimingRow } from './TimingRow.js';

/** The rows of issue 22, slowest first: the seeds' timing, then ever shorter deadtimes. */
export const DEFAULT_TIMINGS = ['2s/10s', '1s/5s', '200ms/1s', '100ms/500ms', '50ms/200ms'] as const;

/** `KEEPALIVE/DEADTIME`, each a number with `ms` or `s` (`100ms/500ms`, `2s/10s`). */
export function parseTimingRow(text: string): TimingRow {
  const parts = text.split('/');
  const [keepaliveMs, deadtimeMs] = parts.map(durationMs);
  if (parts.length !== 2 || keepaliveMs === undefined || deadtimeMs === undefined) {
    throw new RangeError(`a timing is KEEPALIVE/DEADTIME with ms or s, e.g. 100ms/500ms, not ${JSON.stringify(text)}`);
  }
  if (keepaliveMs * 2 > deadtimeMs) throw new RangeError(`${text}: the deadtime must be at least twice the keepalive`);
  return {
    keepalive: haCfTime(keepaliveMs),
    deadtime: haCfTime(deadtimeMs),
    keepaliveMs,
    deadtimeMs,
    label: `${humanTime(keepaliveMs)} / ${humanTime(deadtimeMs)}`,
    seed: keepaliveMs === 2000 && deadtimeMs === 10_000,
  };
}

function durationMs(text: string): number | undefined {
  const m = /^(\d+)(ms|s)$/.exec(text.trim());
  if (m === null) return undefined;
  const value = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  return value > 0 ? value : undefined;
}

/** Whole seconds as a bare number (heartbeat's own way), anything else in ms. */
function haCfTime(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : `${ms}ms`;
}

function humanTime(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
