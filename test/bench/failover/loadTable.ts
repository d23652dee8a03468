import type { LoadSample } from './LoadSample.js';
import type { Table } from './Table.js';

/** False deaths (and near misses) under load, per daemon and load. */
export function loadTable(samples: readonly LoadSample[]): Table {
  const minutes = ((samples[0]?.durationS ?? 0) / 60).toFixed(samples[0] !== undefined && samples[0].durationS % 60 === 0 ? 0 : 1);
  return {
    title: `False deaths at keepalive 50 ms / deadtime 200 ms, 2 nodes, ${minutes} min per load, no node dying`,
    columns: ['daemon', 'load', 'false deaths', 'late heartbeats (> 100 ms)', 'datagrams dropped'],
    rows: samples.map((s) => [s.variant, s.phase, String(s.falseDeaths), String(s.lateHeartbeats), s.dropped === undefined ? '' : String(s.dropped)]),
    notes: [
      'cpu: one busy loop per CPU at normal priority; loss: nftables drops 10 % of the cluster datagrams arriving at each node.',
      'false deaths: `node X: is dead` lines in both nodes\' logs; late heartbeats: `Late heartbeat` lines (warntime 100 ms).',
      ...samples.flatMap((s) => (s.failure === undefined ? [] : [`${s.variant}, ${s.phase}: ${s.failure}`])),
      ...samples.flatMap((s) => s.examples.map((e) => `${s.variant}, ${s.phase}: ${e}`)),
    ],
  };
}
