import type { IdleSample } from './IdleSample.js';

/** The idle figures as text lines: one row per cluster size and daemon, heartbeat's beside Heartline's. */
export function idleTable(samples: readonly IdleSample[], floor: { rssMiB: number; pssMiB: number } | undefined): string[] {
  const columns = ['nodes', 'daemon', 'CPU % ticks', 'CPU % exact', 'RSS MiB', 'PSS MiB', 'procs', 'threads', 'rx pkt/s', 'CPU µs/rx pkt'];
  const rows = samples.map((s) => [
    String(s.nodes),
    s.label + (s.profiled ? ' (profiled)' : ''),
    `${s.cpuPctMean.toFixed(2)} (${s.cpuPctMax.toFixed(2)})`,
    `${s.onCpuPctMean.toFixed(3)} (${s.onCpuPctMax.toFixed(3)})`,
    `${s.rssMiBMean.toFixed(1)} (${s.rssMiBMax.toFixed(1)})`,
    s.pssMiBMean.toFixed(1),
    s.processes.toFixed(0),
    s.threads.toFixed(0),
    s.rxPacketsPerS.toFixed(2),
    s.cpuUsPerRxPacket.toFixed(0),
  ]);
  if (floor !== undefined) rows.push(['-', 'node (empty process)', '', '', floor.rssMiB.toFixed(1), floor.pssMiB.toFixed(1), '1', '', '', '']);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(columns), ...rows.map(line)];
}
