import { Counter, Gauge, type Registry } from 'prom-client';

/** One series of a scrape: its label values and its value. */
export type ScrapedSample<L extends string> = readonly [labels: Readonly<Partial<Record<L, string>>>, value: number];

export interface ScrapedSpec<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly labels: readonly L[];
}

/**
 * A metric whose series are read from the node when Prometheus scrapes, not kept up to date in
 * between: the node's own counters are the truth, so nothing runs per heartbeat. Series that are
 * gone (a node removed, no node running) disappear with the next scrape.
 */
export function scraped<L extends string>(registry: Registry, spec: ScrapedSpec<L>, read: () => Iterable<ScrapedSample<L>>): void {
  const common = { name: spec.name, help: spec.help, labelNames: spec.labels, registers: [registry] };
  if (spec.type === 'gauge') {
    new Gauge<L>({
      ...common,
      collect() {
        this.reset();
        let any = false;
        for (const [labels, value] of read()) {
          this.set(labels, value);
          any = true;
        }
        // reset() gives a metric without labels a 0, which would be a value nobody read.
        if (!any && spec.labels.length === 0) this.remove({});
      },
    });
    return;
  }
  new Counter<L>({
    ...common,
    collect() {
      this.reset();
      let any = false;
      // A counter cannot be set: from zero, one increment by the node's count.
      for (const [labels, value] of read()) {
        this.inc(labels, value);
        any = true;
      }
      if (!any && spec.labels.length === 0) this.remove({});
    },
  });
}
