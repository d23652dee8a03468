import type { SimRunResult } from './SimRunResult.js';
import type { SimFailure, SimulationReport } from './SimulationReport.js';

/** The report of a batch from its runs (in any order) and the failures found. */
export function summarize(results: readonly SimRunResult[], failures: readonly SimFailure[], elapsedMs: number): SimulationReport {
  const times = results.flatMap((r) => r.convergenceMs).sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const byNodes: Record<string, number> = {};
  for (const r of results) byNodes[String(r.schedule.nodes)] = (byNodes[String(r.schedule.nodes)] ?? 0) + 1;
  return {
    schedules: results.length,
    passed: results.filter((r) => r.violation === undefined).length,
    failures,
    limitations: results.flatMap((r) => (r.limitation === undefined ? [] : [{ seed: r.schedule.seed, text: r.limitation }])),
    elapsedMs,
    schedulesPerMinute: elapsedMs > 0 ? (results.length * 60_000) / elapsedMs : 0,
    simulatedMs: results.reduce((sum, r) => sum + r.simulatedMs, 0),
    convergence: { count: times.length, medianMs: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1) ?? 0 },
    byNodes,
  };
}
