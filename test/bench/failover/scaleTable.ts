import type { ScaleSample } from './ScaleSample.js';
import type { Table } from './Table.js';

/** Idle cost per node and start-up convergence, per daemon, medium and cluster size. */
export function scaleTable(samples: readonly ScaleSample[]): Table {
  const f = (v: number | undefined, digits: number): string => (v === undefined ? 'n/a' : v.toFixed(digits));
  const windowS = samples[0]?.windowS ?? 0;
  return {
    title: `Idle cost per node at keepalive 1 s (deadtime 5 s, no resources; ${windowS} s window), and convergence after a simultaneous start`,
    columns: ['daemon', 'media', 'nodes', 'all active after, s', 'CPU % mean (max)', 'RSS MiB (PSS)', 'processes', 'sent B/s', 'received B/s'],
    rows: samples.map((s) => [
      s.daemon === 'heartline' ? 'Heartline' : 'heartbeat 3.0.6',
      s.media,
      String(s.nodes),
      s.convergeMs === undefined ? 'n/a' : `${(s.convergeMs / 1000).toFixed(2)}`,
      `${f(s.cpuPctMean, 2)} (${f(s.cpuPctMax, 2)})`,
      `${f(s.rssMiB, 1)} (${f(s.pssMiB, 1)})`,
      f(s.processes, 0),
      f(s.txBytesPerS, 0),
      f(s.rxBytesPerS, 0),
    ]),
    notes: [
      'all active after: from starting every daemon at once to the last `Status update for node X: status active` line among all nodes (process start-up included).',
      'CPU: utime + stime of every process of the daemon on the node (/proc/PID/stat) over the window, percent of one core; RSS: VmRSS summed over those processes;',
      'PSS splits shared pages among the processes that map them (for Heartline: with every other Node process on the machine).',
      "sent / received: the node's lab interface counters over the window.",
      ...samples.filter((s) => s.failure !== undefined).map((s) => `${s.daemon} ${s.media} ${s.nodes} nodes: ${s.failure}`),
    ],
  };
}
