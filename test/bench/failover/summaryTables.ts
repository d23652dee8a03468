import { DAEMON_PAIRS, type DaemonPair } from './DaemonPair.js';
import type { FailoverResult } from './FailoverResult.js';
import { formatRatio, formatSeconds } from './formatStats.js';
import { statsOf } from './statsOf.js';
import type { Table } from './Table.js';

/** The headline: the client's ping gap after a power cut of the VIP owner, per timing and pair. */
export function headlineTable(results: readonly FailoverResult[]): Table {
  const pairs = measuredPairs(results);
  const gap = (r: FailoverResult, id: DaemonPair['id']): ReturnType<typeof statsOf> => statsOf(r.pairs[id]?.crash.map((c) => c.pingGapMs) ?? []);
  return {
    title: 'Client ping gap after a power cut of the VIP owner, seconds: median (min–max)',
    columns: ['keepalive / deadtime', 'rounds', ...pairs.map((p) => p.label), 'heartbeat/Heartline'],
    rows: results.map((r) => {
      const rounds = Math.max(...pairs.map((p) => r.pairs[p.id]?.crash.length ?? 0));
      return [r.timing.label, String(rounds), ...pairs.map((p) => formatSeconds(gap(r, p.id))), formatRatio(gap(r, 'heartbeat'), gap(r, 'heartline'))];
    }),
    notes: [
      "2 nodes, VIP + one LSB service, bcast; the owner's power cut (link down, every process killed); the client pings the VIP every 10 ms.",
      'heartbeat -> Heartline: heartbeat 3.0.6 owns the group, Heartline takes over (and gives it back on failback).',
      ...(pairs.some((p) => p.id === 'heartline-noprobe') ? ["Heartline, probe_ms=0: the VIP written `IPaddr::VIP/24/hleth0::probe_ms=0`, so the agent adds it without first asking the network whether another host holds it."] : []),
    ],
  };
}

/** Planned moves: the client's ping gap during a standby and during the failback to a returning node. */
export function movesTable(results: readonly FailoverResult[]): Table {
  const pairs = measuredPairs(results);
  return {
    title: 'Client ping gap in planned moves, seconds: median (min–max)',
    columns: ['keepalive / deadtime', ...pairs.map((p) => `standby: ${p.label}`), ...pairs.map((p) => `failback: ${p.label}`)],
    rows: results.map((r) => [
      r.timing.label,
      ...pairs.map((p) => formatSeconds(statsOf(r.pairs[p.id]?.standby.map((m) => m.pingGapMs) ?? []))),
      ...pairs.map((p) => formatSeconds(statsOf(r.pairs[p.id]?.failback.map((m) => m.pingGapMs) ?? []))),
    ]),
    notes: ['standby: `hb_standby all` / `ha standby all` on the owner; failback: the crashed owner boots, its daemon starts, auto_failback on.'],
  };
}

function measuredPairs(results: readonly FailoverResult[]): DaemonPair[] {
  return DAEMON_PAIRS.filter((p) => results.some((r) => r.pairs[p.id] !== undefined));
}
