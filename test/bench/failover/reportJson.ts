import { DAEMON_PAIRS } from './DaemonPair.js';
import { FAILOVER_FIGURES, TAKEOVER_BREAKDOWN } from './failoverFigures.js';
import type { FailoverReport } from './FailoverReport.js';
import type { Stats } from './Stats.js';
import { statsOf } from './statsOf.js';
import { targetLines } from './targetLines.js';

/** The run as one JSON object (the last line of `--json` output): figures as {n, min, median, p95, max} in ms. */
export function reportJson(report: FailoverReport): object {
  const round = (v: number): number => Math.round(v * 10) / 10;
  const stats = (values: ReadonlyArray<number | undefined>): Stats | null => {
    const s = statsOf(values);
    return s === undefined ? null : { n: s.n, min: round(s.min), median: round(s.median), p95: round(s.p95), max: round(s.max) };
  };
  return {
    bench: 'failover',
    command: report.command,
    startedAt: report.startedAt,
    durationS: Math.round(report.durationS),
    machine: report.machine,
    loadAtEnd: report.loadAtEnd,
    failover: report.failover.map((r) => ({
      keepalive: r.timing.keepalive,
      deadtime: r.timing.deadtime,
      runs: r.runs,
      loadAverage: r.loadAverage,
      pairs: Object.fromEntries(
        DAEMON_PAIRS.filter((p) => r.pairs[p.id] !== undefined).map((p) => {
          const s = r.pairs[p.id]!;
          return [p.id, {
            rounds: s.crash.length,
            ...(s.failure === undefined ? {} : { failure: s.failure }),
            figures: Object.fromEntries(FAILOVER_FIGURES.map((f) => [f.key, stats(f.pick(s))])),
            steps: Object.fromEntries(TAKEOVER_BREAKDOWN.map((f) => [f.key, stats(f.pick(s))])),
          }];
        }),
      ),
    })),
    scale: report.scale,
    load: report.load ?? null,
    targets: targetLines(report.failover, report.load),
  };
}
