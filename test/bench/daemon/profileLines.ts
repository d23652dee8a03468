import type { ProfileSummary } from './ProfileSummary.js';

const TOP = 25;

/**
 * A profile summary as text: busy time per received datagram, then the places and functions that
 * take it, each in µs per received datagram and % of busy time.
 */
export function profileLines(summary: ProfileSummary, rxPackets: number): string[] {
  const per = (us: number): string => rx(us).toFixed(1).padStart(8);
  const rx = (us: number): number => (rxPackets === 0 ? 0 : us / rxPackets);
  const pct = (us: number): string => `${((100 * us) / Math.max(1, summary.busyUs)).toFixed(1).padStart(5)} %`;
  const top = (map: ReadonlyMap<string, number>, n: number): string[] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${per(us)} µs  ${pct(us)}  ${k}`);
  return [
    `main thread busy ${(summary.busyUs / 1000).toFixed(1)} ms, idle ${(summary.idleUs / 1000).toFixed(0)} ms; ` +
      `${rxPackets} datagrams received: ${rx(summary.busyUs).toFixed(1)} µs busy per received datagram`,
    'self time by place (µs per received datagram, % of busy):',
    ...top(summary.selfByPlace, 15),
    `self time by function, top ${TOP}:`,
    ...top(summary.selfByFunction, TOP),
    `time on the stack (inclusive) by function, top ${TOP}:`,
    ...top(summary.totalByFunction, TOP),
  ];
}
