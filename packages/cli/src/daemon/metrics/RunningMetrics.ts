import type { ActivatorObserver } from '@heartline/core';

/** A metrics endpoint that listens. */
export interface RunningMetrics {
  /** `http://127.0.0.1:9694/metrics` */
  readonly url: string;
  /** Feeds the resource and group operations of the node into the metrics. */
  readonly observer: ActivatorObserver;
  close(): Promise<void>;
}
