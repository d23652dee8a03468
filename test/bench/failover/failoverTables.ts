import { DAEMON_PAIRS } from './DaemonPair.js';
import { FAILOVER_FIGURES, TAKEOVER_BREAKDOWN } from './failoverFigures.js';
import type { FailoverResult } from './FailoverResult.js';
import { formatRatio, formatStats } from './formatStats.js';
import type { RowSamples } from './RowSamples.js';
import { statsOf } from './statsOf.js';
import type { Table } from './Table.js';

/** The full table of one timing: every figure, min / median / p95 / max per pair, and heartbeat/Heartline. */
export function failoverTable(result: FailoverResult): Table {
  const pairs = DAEMON_PAIRS.filter((p) => result.pairs[p.id] !== undefined);
  const counts = pairs.map((p) => `${p.id} ${result.pairs[p.id]!.crash.length}`).join(', ');
  const rows = FAILOVER_FIGURES.map((figure) => {
    const cells = pairs.map((p) => formatStats(statsOf(figure.pick(result.pairs[p.id]!))));
    return [figure.label, ...cells, ratio(result, figure.pick)];
  });
  return {
    title: `keepalive ${result.timing.label.replace(' / ', ', deadtime ')}: ms, min / median / p95 / max (rounds: ${counts}; load average ${result.loadAverage} at the start)`,
    columns: ['', ...pairs.map((p) => p.label), 'heartbeat/Heartline'],
    rows,
    notes: failures(result),
  };
}

/** Where the time of a takeover goes at one timing: the median of each step per pair. */
export function breakdownTable(result: FailoverResult): Table {
  const pairs = DAEMON_PAIRS.filter((p) => result.pairs[p.id] !== undefined);
  return {
    title: `where the time goes, keepalive ${result.timing.label.replace(' / ', ', deadtime ')}: median ms of each step`,
    columns: ['', ...pairs.map((p) => p.label)],
    rows: TAKEOVER_BREAKDOWN.map((figure) => [figure.label, ...pairs.map((p) => median(figure.pick(result.pairs[p.id]!)))]),
    notes: [],
  };
}

function ratio(result: FailoverResult, pick: (s: RowSamples) => ReadonlyArray<number | undefined>): string {
  const [hb, hl] = [result.pairs.heartbeat, result.pairs.heartline];
  if (hb === undefined || hl === undefined) return 'n/a';
  return formatRatio(statsOf(pick(hb)), statsOf(pick(hl)));
}

function median(values: ReadonlyArray<number | undefined>): string {
  const stats = statsOf(values);
  return stats === undefined ? 'n/a' : stats.median.toFixed(0);
}

function failures(result: FailoverResult): string[] {
  return DAEMON_PAIRS.flatMap((p) => {
    const failure = result.pairs[p.id]?.failure;
    return failure === undefined ? [] : [`${p.label}: stopped early: ${failure}`];
  });
}
