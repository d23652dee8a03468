import type { ActivatorObserver, GroupOperationSample, ResourceOperationSample } from '@heartline/core';
import { Counter, Histogram, type Registry } from 'prom-client';

/** From a quick status (a netlink dump) to a slow database start. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const TRANSITIONS = ['take', 'give', 'restart'] as const;
const OUTCOMES = ['ok', 'failed'] as const;

/**
 * What the activator did, as it happens: every resource operation's duration (start, stop,
 * status: monitoring's checks included) and every group transition. These live as long as the
 * endpoint, across restarts of the node.
 */
export class ActivatorMetrics implements ActivatorObserver {
  private readonly durations: Histogram<'resource' | 'operation' | 'result'>;
  private readonly transitions: Counter<'group' | 'transition' | 'outcome'>;

  constructor(registry: Registry, groups: readonly string[]) {
    this.durations = new Histogram({
      name: 'heartline_resource_operation_duration_seconds',
      help: "Duration of a resource agent's operation (start, stop, status) on this node, by its result.",
      labelNames: ['resource', 'operation', 'result'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
    this.transitions = new Counter({
      name: 'heartline_group_transitions_total',
      help: 'Group operations on this node: take (start here), give (stop here), restart (in place, by monitoring), by outcome.',
      labelNames: ['group', 'transition', 'outcome'],
      registers: [registry],
    });
    // Zero series from the start, so that increase() sees the first transition.
    for (const group of groups) for (const transition of TRANSITIONS) for (const outcome of OUTCOMES) this.transitions.inc({ group, transition, outcome }, 0);
  }

  resourceOperation(sample: ResourceOperationSample): void {
    this.durations.observe({ resource: sample.resource, operation: sample.operation, result: sample.result }, sample.durationMs / 1000);
  }

  groupOperation(sample: GroupOperationSample): void {
    this.transitions.inc({ group: sample.group, transition: sample.operation, outcome: sample.ok ? 'ok' : 'failed' });
  }
}
