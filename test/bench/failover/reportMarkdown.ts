import { breakdownTable, failoverTable } from './failoverTables.js';
import type { FailoverReport } from './FailoverReport.js';
import { loadTable } from './loadTable.js';
import { renderMarkdown } from './renderTable.js';
import { scaleTable } from './scaleTable.js';
import { headlineTable, movesTable } from './summaryTables.js';
import { targetLines } from './targetLines.js';

/** The run as Markdown: the machine, the command, the summary, then every table (docs/benchmarks.md takes it whole). */
export function reportMarkdown(report: FailoverReport): string {
  const m = report.machine;
  const load = (l: readonly number[]): string => l.map((v) => v.toFixed(2)).join(', ');
  const parts = [
    `Measured ${report.startedAt} in ${(report.durationS / 60).toFixed(0)} min with \`${report.command}\` on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB,`,
    `Linux ${m.kernel}, Node ${m.node}, heartbeat ${m.heartbeat ?? 'not installed'}; load average ${load(m.loadAverage)} at the start, ${load(report.loadAtEnd)} at the end (1, 5, 15 min).`,
    ...(report.failover.length === 0 ? [] : ['', renderMarkdown(headlineTable(report.failover)), '', renderMarkdown(movesTable(report.failover))]),
    '',
    '**Targets (issue 22), as measured in this run**',
    '',
    ...targetLines(report.failover, report.load).map((l) => `- ${l}`),
  ];
  for (const r of report.failover) parts.push('', renderMarkdown(failoverTable(r)), '', renderMarkdown(breakdownTable(r)));
  if (report.scale.length > 0) parts.push('', renderMarkdown(scaleTable(report.scale)));
  if (report.load !== undefined) parts.push('', renderMarkdown(loadTable(report.load)));
  return `${parts.join('\n')}\n`;
}
