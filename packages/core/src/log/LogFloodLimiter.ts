import type { Clock, Timer } from '../time/Clock.js';
import type { Logger } from './Logger.js';
import { defaultLogFloodLimits, type LogFloodLimits } from './LogFloodLimits.js';

/** What one (reason, source) pair did since it was first seen or last went quiet. */
interface Tally {
  readonly reason: string;
  readonly source: string;
  firstMs: number;
  lastMs: number;
  total: number;
  full: number;
  /** Occurrences not written and not yet summarised, and when they came. */
  pending: number;
  pendingFirstMs: number;
  pendingLastMs: number;
  summarised: boolean;
}

const OTHER_SOURCES = 'other sources';

/**
 * Keeps lines that hostile traffic can trigger once per packet from filling the disk. The first
 * few occurrences of a reason from a source are written in full by the caller (`admit` says
 * which); the rest are counted and summarised in one line per reason and source per interval,
 * with a final one when that source goes quiet. State is bounded (`maxSources` pairs; the least
 * recently seen one is folded into "other sources") and the one timer runs only while a summary
 * is owed, so a node that receives no bad packet never wakes up for this.
 */
export class LogFloodLimiter {
  private readonly limits: LogFloodLimits;
  private readonly tallies = new Map<string, Tally>();
  private readonly others = new Map<string, Tally>();
  private readonly seen = new Map<string, number>();
  private readonly unwritten = new Map<string, number>();
  private windowStartMs = Number.NEGATIVE_INFINITY;
  private fullInWindow = 0;
  private timer: Timer | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** What the summary lines call the occurrences: `bad packets`. */
    private readonly label: string,
    limits: Partial<LogFloodLimits> = {},
  ) {
    this.limits = { ...defaultLogFloodLimits, ...limits };
  }

  /** Counts one occurrence; true when the caller should write its line(s) in full. */
  admit(reason: string, source: string): boolean {
    const now = this.clock.now();
    this.seen.set(reason, (this.seen.get(reason) ?? 0) + 1);
    const tally = this.track(reason, source, now);
    tally.total += 1;
    tally.lastMs = now;
    if (tally.full < this.limits.fullPerSource && this.takeFullLine(now)) {
      tally.full += 1;
      return true;
    }
    this.hold(tally, now);
    return false;
  }

  /** Occurrences by reason, sources left out so the set of keys stays small (metrics). */
  counts(): Record<string, number> {
    return Object.fromEntries(this.seen);
  }

  /** Occurrences by reason that were only counted, not written in full. */
  unwrittenCounts(): Record<string, number> {
    return Object.fromEntries(this.unwritten);
  }

  /** Writes every summary still owed and stops the timer (the node is stopping). */
  flush(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const now = this.clock.now();
    for (const tally of this.all()) {
      if (tally.pending > 0) this.summarise(tally, now, '');
    }
    this.tallies.clear();
    this.others.clear();
  }

  private track(reason: string, source: string, now: number): Tally {
    const key = `${reason}\u0000${source}`;
    let tally = this.tallies.get(key);
    if (tally !== undefined) {
      // Re-inserted so that the map's order is least recently seen first.
      this.tallies.delete(key);
      this.tallies.set(key, tally);
      if (tally.pending === 0 && !tally.summarised && now - tally.lastMs >= this.limits.intervalMs) {
        // Long silent and nothing owed: this is a new episode, which gets its full lines again.
        tally.firstMs = now;
        tally.total = 0;
        tally.full = 0;
      }
      return tally;
    }
    if (this.tallies.size >= this.limits.maxSources) this.evictOldest();
    tally = newTally(reason, source, now);
    this.tallies.set(key, tally);
    return tally;
  }

  private evictOldest(): void {
    const [key, oldest] = this.tallies.entries().next().value ?? [];
    if (key === undefined || oldest === undefined) return;
    this.tallies.delete(key);
    if (oldest.pending === 0) return;
    let other = this.others.get(oldest.reason);
    if (other === undefined) {
      other = newTally(oldest.reason, OTHER_SOURCES, oldest.pendingFirstMs);
      this.others.set(oldest.reason, other);
    }
    if (other.pending === 0) other.pendingFirstMs = oldest.pendingFirstMs;
    other.pendingFirstMs = Math.min(other.pendingFirstMs, oldest.pendingFirstMs);
    other.pendingLastMs = Math.max(other.pendingLastMs, oldest.pendingLastMs);
    other.firstMs = Math.min(other.firstMs, oldest.firstMs);
    other.lastMs = Math.max(other.lastMs, oldest.lastMs);
    other.pending += oldest.pending;
    other.total += oldest.pending;
  }

  /** The node-wide budget of full lines, renewed every interval. */
  private takeFullLine(now: number): boolean {
    if (now - this.windowStartMs >= this.limits.intervalMs) {
      this.windowStartMs = now;
      this.fullInWindow = 0;
    }
    if (this.fullInWindow >= this.limits.fullLinesPerInterval) return false;
    this.fullInWindow += 1;
    return true;
  }

  private hold(tally: Tally, now: number): void {
    if (tally.pending === 0) tally.pendingFirstMs = now;
    tally.pending += 1;
    tally.pendingLastMs = now;
    this.unwritten.set(tally.reason, (this.unwritten.get(tally.reason) ?? 0) + 1);
    this.timer ??= this.clock.setTimeout(() => this.tick(), this.limits.intervalMs);
  }

  private tick(): void {
    this.timer = undefined;
    const now = this.clock.now();
    let owed = false;
    for (const tallies of [this.tallies, this.others]) {
      for (const [key, tally] of [...tallies]) {
        const quiet = now - tally.lastMs >= this.limits.quietMs;
        if (tally.pending > 0) this.summarise(tally, now, quiet ? '; none since' : '');
        else if (tally.summarised && quiet) {
          this.logger.warn(
            `${this.label}: no more ${tally.reason} from ${tally.source} since ${this.stamp(tally.lastMs, now)} ` +
              `(${tally.total} in all since ${this.stamp(tally.firstMs, now)})`,
          );
        }
        // A source that stopped is forgotten; one still sending keeps its tally, and the timer
        // runs on only for those that owe a summary.
        if (quiet) tallies.delete(key);
        else if (tally.summarised) owed = true;
      }
    }
    if (owed) this.timer = this.clock.setTimeout(() => this.tick(), this.limits.intervalMs);
  }

  private summarise(tally: Tally, now: number, ending: string): void {
    this.logger.warn(
      `${this.label}: ${tally.pending} more ${tally.reason} from ${tally.source} not logged, first at ${this.stamp(tally.pendingFirstMs, now)}, ` +
        `last at ${this.stamp(tally.pendingLastMs, now)}${ending} (${tally.total} in all since ${this.stamp(tally.firstMs, now)})`,
    );
    tally.pending = 0;
    tally.summarised = true;
  }

  private all(): Tally[] {
    return [...this.tallies.values(), ...this.others.values()];
  }

  /** Wall time of monotonic `ms`, as heartbeat stamps its lines (local time). */
  private stamp(ms: number, now: number): string {
    const t = new Date(this.clock.wallTime().getTime() - (now - ms));
    const two = (n: number): string => String(n).padStart(2, '0');
    return `${t.getFullYear()}/${two(t.getMonth() + 1)}/${two(t.getDate())}_${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  }
}

function newTally(reason: string, source: string, now: number): Tally {
  return { reason, source, firstMs: now, lastMs: now, total: 0, full: 0, pending: 0, pendingFirstMs: now, pendingLastMs: now, summarised: false };
}
