/** One line of a run's story: a step of the schedule, a message sent, a node's decision, a service event. */
export interface TimelineEntry {
  readonly atMs: number;
  /** `sim` for the schedule and the checker, else the node. */
  readonly who: string;
  readonly kind: 'step' | 'send' | 'log' | 'service' | 'node' | 'violation';
  readonly text: string;
}

/**
 * What happened in a run, in order, when recording is on (a replay of a failing schedule); a
 * search run records nothing, so recording costs nothing there.
 */
export class SimTimeline {
  readonly entries: TimelineEntry[] = [];

  constructor(readonly recording: boolean) {}

  add(atMs: number, who: string, kind: TimelineEntry['kind'], text: string): void {
    if (this.recording) this.entries.push({ atMs, who, kind, text });
  }

  /** Readable lines, `+12.345s node2  > resource rsc_hold=foreign`; the last `limit` when given. */
  format(limit?: number): string[] {
    const shown = limit === undefined || this.entries.length <= limit ? this.entries : this.entries.slice(-limit);
    const width = Math.max(3, ...shown.map((e) => e.who.length));
    const marks: Record<TimelineEntry['kind'], string> = { step: '#', send: '>', log: ' ', service: '*', node: '~', violation: '!!' };
    const lines = shown.map((e) => `${`+${(e.atMs / 1000).toFixed(3)}s`.padStart(10)}  ${e.who.padEnd(width)}  ${marks[e.kind]} ${e.text}`);
    if (shown.length < this.entries.length) lines.unshift(`  … ${this.entries.length - shown.length} earlier entries (--json has them all)`);
    return lines;
  }
}
