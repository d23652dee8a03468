import type { Logger } from '@heartline/core';
import type { MetricsNode } from './MetricsNode.js';

/** What the daemon hands to the metrics endpoint when it starts it. */
export interface MetricsContext {
  /** The node running now; undefined while none does (a restart after "No local heartbeat"). */
  readonly node: () => MetricsNode | undefined;
  readonly nodeName: string;
  readonly version: string;
  /** haresources' group keys, so that each group's counters exist from the start at zero. */
  readonly groups: readonly string[];
  readonly logger: Logger;
}
