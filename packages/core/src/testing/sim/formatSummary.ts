import { simBounds } from './simBounds.js';
import type { SimulationReport } from './SimulationReport.js';

/** The closing lines of a batch: counts, the rate, and how close convergence came to its bound. */
export function formatSummary(report: SimulationReport): string[] {
  const sizes = Object.entries(report.byNodes)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([n, count]) => `${n}:${count}`)
    .join(' ');
  const c = report.convergence;
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  const lines = [
    `${report.schedules} schedules (nodes ${sizes}): ${report.passed} passed, ${report.failures.length} failed, ${report.limitations.length} ended in heartbeat's unresolvable split brain`,
    `${seconds(report.elapsedMs)} s wall, ${Math.round(report.schedulesPerMinute)} schedules per minute, ${(report.simulatedMs / 3_600_000).toFixed(1)} h simulated`,
    `convergence of healthy clusters: median ${seconds(c.medianMs)} s, p99 ${seconds(c.p99Ms)} s, max ${seconds(c.maxMs)} s over ${c.count} waits (bounds: ${seconds(simBounds.convergenceMs)} s with groups, ${seconds(simBounds.membershipConvergenceMs)} s without)`,
  ];
  if (report.limitations.length > 0) lines.push(`  heartbeat's unresolvable split brain (each node declared the other dead blind), seeds: ${report.limitations.map((l) => l.seed).join(' ')}`);
  if (report.failures.length > 1) lines.push(`  failing seeds: ${report.failures.map((f) => `${f.original.schedule.seed} (${f.original.violation?.invariant ?? '?'})`).join(' ')}`);
  return lines;
}
