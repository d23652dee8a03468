import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogFloodLimiter } from '../../src/log/LogFloodLimiter.js';
import type { LogFloodLimits } from '../../src/log/LogFloodLimits.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { ManualClock } from '../../src/time/ManualClock.js';

/** A limiter on a ManualClock whose callers "log in full" as `full REASON SOURCE`. */
function harness(limits: Partial<LogFloodLimits> = {}) {
  const clock = new ManualClock(0, Date.UTC(2026, 0, 1, 12, 0, 0));
  const sink = new MemorySink();
  const limiter = new LogFloodLimiter(clock, new StructuredLogger([sink], clock), 'bad packets', limits);
  const hit = (reason: string, source: string): void => {
    if (limiter.admit(reason, source)) sink.write({ level: 'error', message: `full ${reason} ${source}`, time: clock.wallTime(), fields: {} });
  };
  const lines = (): string[] => sink.records.map((r) => r.message);
  const summaries = (): string[] => lines().filter((l) => l.startsWith('bad packets:'));
  return { clock, sink, limiter, hit, lines, summaries };
}

/** The wall time of a ManualClock ms, as the summaries print it (local time). */
function stamp(clock: ManualClock, ms: number): string {
  const t = new Date(clock.wallTime().getTime() - clock.now() + ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${t.getFullYear()}/${two(t.getMonth() + 1)}/${two(t.getDate())}_${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
}

/** How many occurrences the summaries account for, per `REASON from SOURCE`. */
function summarised(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) {
    const m = /^bad packets: (\d+) more (\S+) from (.+?) not logged/.exec(line);
    if (m === null) continue;
    const key = `${m[2]} from ${m[3]}`;
    out.set(key, (out.get(key) ?? 0) + Number(m[1]));
  }
  return out;
}

describe('LogFloodLimiter', () => {
  it('writes the first five of a reason and source in full, then one summary per interval, then a final one', () => {
    const h = harness();
    for (let i = 0; i < 1000; i++) {
      h.hit('auth-failed', '[node2] 10.0.0.9 on eth0');
      h.clock.advance(20); // 50 packets a second for 20 s
    }
    assert.equal(h.lines().filter((l) => l.startsWith('full ')).length, 5);
    assert.deepEqual(h.summaries(), [], 'no summary before the interval is over');
    h.clock.advanceTo(100 + 60_000);
    assert.deepEqual(h.summaries(), [
      `bad packets: 995 more auth-failed from [node2] 10.0.0.9 on eth0 not logged, first at ${stamp(h.clock, 100)}, ` +
        `last at ${stamp(h.clock, 19_980)}; none since (1000 in all since ${stamp(h.clock, 0)})`,
    ]);
    assert.equal(h.clock.pendingTimers(), 0, 'the flood is over and summarised: no timer is left');
    assert.deepEqual(h.limiter.counts(), { 'auth-failed': 1000 });
    assert.deepEqual(h.limiter.unwrittenCounts(), { 'auth-failed': 995 });
  });

  it('summarises every interval while a flood goes on, then says when it stopped', () => {
    const h = harness();
    for (let s = 0; s < 150; s++) {
      for (let k = 0; k < 10; k++) h.hit('bad-prefix', '[?] 10.0.0.9 on eth0');
      h.clock.advance(1000);
    }
    // The sixth packet, at t=0, is the first held: summaries at 60 s and 120 s.
    const summaries = h.summaries();
    assert.equal(summaries.length, 2, summaries.join('\n'));
    assert.match(summaries[0]!, /^bad packets: 595 more bad-prefix from \[\?\] 10\.0\.0\.9 on eth0 not logged, first at \S+, last at \S+ \(600 in all since/);
    assert.match(summaries[1]!, /^bad packets: 600 more bad-prefix .* not logged, first at \S+, last at \S+ \(1200 in all since/);
    h.clock.advance(60_000);
    const last = h.summaries().slice(2);
    assert.equal(last.length, 1);
    // The flood stopped 30 s after the second summary: its last 300 and a final word.
    assert.match(last[0]!, /^bad packets: 300 more bad-prefix .* not logged, .*; none since \(1500 in all since/);
    h.clock.advance(600_000);
    assert.equal(h.summaries().length, 3, 'nothing more once it is over');
    assert.equal(h.clock.pendingTimers(), 0);
  });

  it('says "no more" when a flood stops right after a summary', () => {
    const h = harness();
    for (let i = 0; i < 59_990; i += 10) {
      h.hit('auth-failed', '[node2]');
      h.clock.advance(10);
    }
    h.clock.advanceTo(60_050); // the sixth packet came at 50 ms: summary while it still comes
    assert.match(h.summaries()[0]!, /^bad packets: 5994 more auth-failed from \[node2\] not logged, .*\(5999 in all since/);
    assert.doesNotMatch(h.summaries()[0]!, /none since/);
    h.clock.advance(60_000);
    assert.deepEqual(h.summaries().slice(1), [
      `bad packets: no more auth-failed from [node2] since ${stamp(h.clock, 59_980)} (5999 in all since ${stamp(h.clock, 0)})`,
    ]);
    assert.equal(h.clock.pendingTimers(), 0);
  });

  it('never sets a timer for a few bad packets, nor when none come', () => {
    const h = harness();
    assert.equal(h.clock.pendingTimers(), 0);
    for (let i = 0; i < 5; i++) h.hit('auth-failed', '[node2]');
    assert.equal(h.clock.pendingTimers(), 0, 'five are all written in full: nothing owed');
    h.clock.advance(3_600_000);
    assert.deepEqual(h.summaries(), []);
    h.hit('auth-failed', '[node2]');
    assert.equal(h.lines().at(-1), 'full auth-failed [node2]', 'an hour later it is a new episode, written in full again');
  });

  it('keeps one budget per reason and per source', () => {
    const h = harness();
    for (let i = 0; i < 10; i++) {
      h.hit('auth-failed', '[node2]');
      h.hit('auth-failed', '[node3]');
      h.hit('bad-prefix', '[node2]');
    }
    const full = h.lines().filter((l) => l.startsWith('full '));
    assert.equal(full.length, 15);
    h.clock.advance(60_000);
    assert.deepEqual(summarised(h.summaries()), new Map([
      ['auth-failed from [node2]', 5],
      ['auth-failed from [node3]', 5],
      ['bad-prefix from [node2]', 5],
    ]));
  });

  it('caps full lines per interval over all sources, so changing the source does not help', () => {
    const h = harness({ fullLinesPerInterval: 25 });
    for (let i = 0; i < 1000; i++) h.hit('auth-failed', `[forged${i}]`);
    assert.equal(h.lines().filter((l) => l.startsWith('full ')).length, 25);
    h.clock.advance(61_000);
    for (let i = 0; i < 30; i++) h.hit('auth-failed', `[later${i}]`);
    assert.equal(h.lines().filter((l) => l.startsWith('full ')).length, 50, 'the budget is renewed each interval');
  });

  it('tracks a bounded number of sources; the least recently seen go to "other sources", still counted', () => {
    const h = harness({ maxSources: 3, fullLinesPerInterval: 1000 });
    // node1 keeps sending while forged names come in bursts of ten, one after the other.
    for (let f = 0; f < 6; f++) {
      for (let k = 0; k < 10; k++) {
        h.hit('auth-failed', `[forged${f}]`);
        h.hit('auth-failed', '[node1]');
        h.clock.advance(10);
      }
    }
    h.clock.advance(60_000);
    const counts = summarised(h.summaries());
    assert.deepEqual(counts, new Map([
      ['auth-failed from [node1]', 55],
      ['auth-failed from [forged4]', 5],
      ['auth-failed from [forged5]', 5],
      ['auth-failed from other sources', 20],
    ]));
    assert.equal(h.lines().filter((l) => l.startsWith('full ')).length, 35, 'five of node1 and of each burst');
  });

  it('flush() writes what is owed and stops the timer', () => {
    const h = harness();
    for (let i = 0; i < 8; i++) h.hit('old-generation', '[node2]');
    assert.equal(h.clock.pendingTimers(), 1);
    h.clock.advance(2000);
    h.limiter.flush();
    assert.equal(h.clock.pendingTimers(), 0);
    assert.deepEqual(h.summaries(), [
      `bad packets: 3 more old-generation from [node2] not logged, first at ${stamp(h.clock, 0)}, last at ${stamp(h.clock, 0)} (8 in all since ${stamp(h.clock, 0)})`,
    ]);
    h.limiter.flush();
    assert.equal(h.summaries().length, 1, 'nothing is owed twice');
  });

  it('bounds its lines per interval and accounts for every occurrence, whatever the traffic', () => {
    const limits = { fullPerSource: 5, fullLinesPerInterval: 25, intervalMs: 60_000, quietMs: 10_000, maxSources: 16 };
    const reasons = ['auth-failed', 'bad-prefix', 'truncated', 'old-generation'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(reasons.length - 1), fc.nat(40), fc.nat(3000)), { minLength: 200, maxLength: 3000, size: 'max' }),
        (script) => {
          const h = harness(limits);
          for (const [r, s, waitMs] of script) {
            h.hit(reasons[r]!, `[n${s}]`);
            h.clock.advance(waitMs);
          }
          h.clock.advance(10 * limits.intervalMs);
          assert.equal(h.clock.pendingTimers(), 0, 'once every source is quiet and summarised, no timer is left');
          // Lines written inside any interval-long slot of time: at most two budgets of full lines
          // (a slot straddles two budget windows) and one summary tick (ticks are an interval
          // apart), which writes a line per tracked source plus one "other sources" per reason.
          const bound = 2 * limits.fullLinesPerInterval + limits.maxSources + reasons.length;
          const perSlot = new Map<number, number>();
          for (const record of h.sink.records) {
            const slot = Math.floor((record.time.getTime() - Date.UTC(2026, 0, 1, 12)) / limits.intervalMs);
            perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
          }
          for (const [slot, n] of perSlot) assert.ok(n <= bound, `${n} lines in slot ${slot}, bound ${bound}`);
          h.limiter.flush();
          const lines = h.lines();
          const full = lines.filter((l) => l.startsWith('full ')).length;
          const counted = [...summarised(lines).values()].reduce((a, b) => a + b, 0);
          assert.equal(full + counted, script.length, 'every occurrence is written in full or counted in a summary');
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
