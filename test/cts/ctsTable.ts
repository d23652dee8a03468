import { percentile } from '../lib/percentile.js';
import type { CtsRunReport } from './CtsResult.js';
import { FAULT_CATALOGUE } from './faultCatalogue.js';

/** The final table: per kind, faults, recovered, time to recover p50/max, violations, lost; then a total line. */
export function ctsTable(report: CtsRunReport): string {
  const rows: string[][] = [['fault', 'runs', 'recovered', 'p50', 'max', 'violations', 'lost']];
  const kinds = FAULT_CATALOGUE.map((f) => f.kind).filter((k) => report.faults.some((r) => r.kind === k));
  const row = (name: string, results: CtsRunReport['faults']): string[] => {
    const times = results.flatMap((r) => (r.recoverMs === undefined ? [] : [r.recoverMs]));
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    return [
      name,
      String(results.length),
      String(results.filter((r) => r.outcome === 'recovered').length),
      times.length === 0 ? '-' : s(percentile(times, 50)),
      times.length === 0 ? '-' : s(Math.max(...times)),
      String(results.filter((r) => r.outcome === 'violation').length),
      String(results.reduce((n, r) => n + r.lost.length, 0)),
    ];
  };
  for (const kind of kinds) rows.push(row(kind, report.faults.filter((r) => r.kind === kind)));
  rows.push(row('total', report.faults));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1, -1).map(line), rule, line(rows.at(-1)!)].join('\n');
}
