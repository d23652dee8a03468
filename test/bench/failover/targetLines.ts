import type { FailoverResult } from './FailoverResult.js';
import type { LoadSample } from './LoadSample.js';
import { statsOf } from './statsOf.js';

/**
 * Issue 22's targets against this run's figures, each `met`, `missed` or `not measured`: reported,
 * never asserted (a benchmark states what it saw).
 */
export function targetLines(results: readonly FailoverResult[], load: readonly LoadSample[] | undefined): string[] {
  const lines: string[] = [];
  const row = (label: string): FailoverResult | undefined => results.find((r) => r.timing.label === label);
  const gap = (r: FailoverResult | undefined, id: 'heartbeat' | 'heartline'): number | undefined => statsOf(r?.pairs[id]?.crash.map((c) => c.pingGapMs) ?? [])?.median;
  const verdict = (value: number | undefined, ok: (v: number) => boolean): string => (value === undefined ? 'not measured' : ok(value) ? 'met' : 'missed');
  const s = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(3)} s`);

  const fast = row('100 ms / 500 ms');
  const [hb, hl] = [gap(fast, 'heartbeat'), gap(fast, 'heartline')];
  lines.push(`Heartline client ping gap at 100 ms / 500 ms, median ${s(hl)} (target <= 0.55 s): ${verdict(hl, (v) => v <= 550)}`);
  const ratio = hb === undefined || hl === undefined ? undefined : hb / hl;
  lines.push(`heartbeat/Heartline ping gap at 100 ms / 500 ms, ${ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`} (target >= 1.5x): ${verdict(ratio, (v) => v >= 1.5)}`);
  const fastest = gap(row('50 ms / 200 ms'), 'heartline');
  lines.push(`Heartline client ping gap at 50 ms / 200 ms, median ${s(fastest)} (target <= 0.30 s): ${verdict(fastest, (v) => v <= 300)}`);
  for (const r of results) {
    for (const [id, who] of [['heartline', 'Heartline'], ['mixed', 'Heartline after heartbeat'], ['heartline-noprobe', 'Heartline with probe_ms=0']] as const) {
      const overhead = statsOf(r.pairs[id]?.crash.map((c) => c.overheadMs) ?? [])?.median;
      if (overhead === undefined) continue;
      lines.push(`${who} takeover overhead ('is dead' -> first GARP) at ${r.timing.label}, median ${overhead.toFixed(1)} ms (target <= 20 ms): ${verdict(overhead, (v) => v <= 20)}`);
    }
  }
  if (load === undefined) lines.push('false deaths under load (target 0 for Heartline): not measured (run with --long)');
  else {
    for (const sample of load) {
      const target = sample.variant === 'Heartline' ? ` (target 0): ${sample.falseDeaths === 0 ? 'met' : 'missed'}` : '';
      lines.push(`${sample.variant}, ${sample.phase}: ${sample.falseDeaths} false death(s) in ${(sample.durationS / 60).toFixed(1)} min${target}`);
    }
  }
  return lines;
}
