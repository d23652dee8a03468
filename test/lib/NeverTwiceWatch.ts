import type { LabNode } from './LabNode.js';
import { lsbRuns, readLsbEvents, type LsbEvent, type LsbRun, type NodeCrash } from './LsbFixtures.js';

/**
 * How long one service may run on two nodes at once before a scenario fails: the time a node
 * needs to notice that a returning heartbeat 3.0.6 peer granted itself a group it runs (the peer's
 * `ip-request-resp` crossing a 19200-baud line, then our status check and stop). A failover or
 * failback proper never overlaps at all: the holder stops before the other starts.
 */
export const HANDOVER_BOUND_MS = 2000;

/** A service that ran on two nodes at once for longer than the bound. */
export interface DoubleRun {
  readonly service: string;
  readonly hosts: readonly [string, string];
  readonly fromMs: number;
  readonly forMs: number;
}

/**
 * "Never twice", checked continuously: reads every node's LSB fixture event log every
 * `intervalMs` while a scenario runs and keeps the first service seen running on two nodes for
 * longer than `boundMs` (overlaps that are still going on count up to now). Power cuts end a
 * node's runs (`crashed`); windows in which two holders are expected, such as a partition, are
 * `excuse`d. `check()` throws with both nodes' timelines of that service.
 */
export class NeverTwiceWatch {
  private readonly crashes: NodeCrash[] = [];
  private readonly excused: Array<{ fromMs: number; toMs: number }> = [];
  private timer: NodeJS.Timeout | undefined;
  private violation: { run: DoubleRun; timeline: string } | undefined;
  /** The longest double run seen so far, bounded or not (for the scenario's report). */
  longestMs = 0;

  constructor(
    private readonly nodes: readonly LabNode[],
    private readonly boundMs = HANDOVER_BOUND_MS,
    private readonly intervalMs = 200,
  ) {}

  start(): this {
    this.timer ??= setInterval(() => this.scan(), this.intervalMs);
    return this;
  }

  /** A node lost power at `atMs` (epoch ms, `performance.timeOrigin + node.crash()`). */
  crashed(host: string, atMs: number): void {
    this.crashes.push({ host, atMs });
  }

  /**
   * Two holders are expected from `fromMs` (epoch ms) on, e.g. while a partition lasts and until its
   * heal is resolved; `end` closes the window once that is known.
   */
  excuse(fromMs: number): { end(toMs: number): void } {
    const window = { fromMs, toMs: Infinity };
    this.excused.push(window);
    return { end: (toMs) => void (window.toMs = toMs) };
  }

  /** Throws if a service ran twice beyond the bound (scans once more first). */
  check(): void {
    this.scan();
    if (this.violation !== undefined) {
      const { run, timeline } = this.violation;
      throw new Error(
        `${run.service} ran on ${run.hosts.join(' and ')} at once for ${Math.round(run.forMs)} ms from ${new Date(run.fromMs).toISOString()} ` +
          `(bound ${this.boundMs} ms):\n${timeline}`,
      );
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private scan(): void {
    if (this.violation !== undefined) return;
    const events = this.nodes.flatMap((n) => readLsbEvents(n));
    const runs = lsbRuns(events, this.crashes);
    const now = Date.now();
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const double = this.overlap(runs[i]!, runs[j]!, now);
        if (double === undefined) continue;
        this.longestMs = Math.max(this.longestMs, double.forMs);
        if (double.forMs > this.boundMs) {
          this.violation = { run: double, timeline: timelineOf(events, double.service) };
          return;
        }
      }
    }
  }

  private overlap(a: LsbRun, b: LsbRun, now: number): DoubleRun | undefined {
    if (a.service !== b.service || a.host === b.host) return undefined;
    const fromMs = Math.max(a.startMs, b.startMs);
    const toMs = Math.min(a.endMs, b.endMs, now);
    if (toMs <= fromMs) return undefined;
    const excusedMs = this.excused.reduce((sum, w) => sum + Math.max(0, Math.min(toMs, w.toMs) - Math.max(fromMs, w.fromMs)), 0);
    return { service: a.service, hosts: [a.host, b.host], fromMs, forMs: toMs - fromMs - excusedMs };
  }
}

/** One service's events on every node, in time order, as readable lines. */
function timelineOf(events: readonly LsbEvent[], service: string): string {
  return events
    .filter((e) => e.service === service)
    .sort((x, y) => x.atMs - y.atMs)
    .map((e) => `  ${new Date(e.atMs).toISOString()} ${e.host}: ${e.kind} ${e.service}${e.pid === undefined ? '' : ` (pid ${e.pid})`}`)
    .join('\n');
}
