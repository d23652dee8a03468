import type { Registry } from 'prom-client';
import { scraped } from './scraped.js';
import type { ScrapeView } from './ScrapeView.js';

/** hb_resource.c's resourcestate values; each has its series, 1 for the current one. */
const FAILOVER_STATES = ['init', 'starting', 'bothstarting', 'rscrcvd', 'stable', 'shutdown'] as const;

/**
 * The resource layer at each scrape: its negotiation state, which groups this node holds, which
 * failed here, and what monitoring counted. Transitions and durations are ActivatorMetrics'.
 */
export function registerGroupMetrics(registry: Registry, view: () => ScrapeView | undefined): void {
  const groups = () => view()?.status.resources?.groups ?? [];
  scraped(registry, { name: 'heartline_failover_state', help: "The resource layer's negotiation state (heartbeat's resourcestate): 1 for the current one.", type: 'gauge', labels: ['state'] }, function* () {
    const resources = view()?.status.resources;
    if (resources === undefined) return;
    const states: readonly string[] = FAILOVER_STATES.includes(resources.state as never) ? FAILOVER_STATES : [...FAILOVER_STATES, resources.state];
    for (const state of states) yield [{ state }, state === resources.state ? 1 : 0];
  });
  scraped(registry, { name: 'heartline_failover_stable', help: 'Whether resource activity is stable (1), or groups are moving (0: ha status rscstatus says transition).', type: 'gauge', labels: [] }, function* () {
    const resources = view()?.status.resources;
    if (resources !== undefined) yield [{}, resources.stable ? 1 : 0];
  });
  scraped(registry, { name: 'heartline_group_held', help: 'Whether this node holds a resource group (1) or not (0).', type: 'gauge', labels: ['group'] }, function* () {
    for (const g of groups()) yield [{ group: g.key }, g.heldHere ? 1 : 0];
  });
  scraped(registry, { name: 'heartline_group_failed', help: 'Whether the last operation on a group failed on this node (1), as ha status shows it.', type: 'gauge', labels: ['group'] }, function* () {
    for (const g of groups()) yield [{ group: g.key }, g.failure === undefined ? 0 : 1];
  });
  const monitorCounter = (name: string, help: string, pick: (m: { failures: number; restarts: number; handovers: number }) => number): void => {
    scraped(registry, { name, help, type: 'counter', labels: ['group'] }, function* () {
      for (const g of groups()) yield [{ group: g.key }, g.monitor === undefined ? 0 : pick(g.monitor)];
    });
  };
  monitorCounter('heartline_monitor_failures_total', "Failed status checks of a group's resources by resource monitoring on this node.", (m) => m.failures);
  monitorCounter('heartline_monitor_restarts_total', 'Restarts in place of a failed resource of a group by resource monitoring.', (m) => m.restarts);
  monitorCounter('heartline_monitor_handovers_total', 'Times a group was handed to the peer because a resource kept failing.', (m) => m.handovers);
}
