import type { Registry } from 'prom-client';
import { scraped } from './scraped.js';
import type { ScrapeView } from './ScrapeView.js';

/**
 * Refused packets by reason, never by sender (a forged sender name must not make new series):
 * `wire` for packets that did not decode or authenticate, `membership` for authenticated ones
 * membership refused (replays of an old generation, bad sequence fields...).
 */
export function registerPacketMetrics(registry: Registry, view: () => ScrapeView | undefined): void {
  scraped(registry, { name: 'heartline_refused_packets_total', help: 'Packets refused, by where (wire: decode or authentication; membership: authenticated but refused) and reason.', type: 'counter', labels: ['stage', 'reason'] }, function* () {
    const refusals = view()?.refusals;
    if (refusals === undefined) return;
    for (const [reason, count] of Object.entries(refusals.badPackets)) yield [{ stage: 'wire', reason }, count];
    for (const [reason, count] of Object.entries(refusals.membership)) yield [{ stage: 'membership', reason }, count];
  });
  scraped(registry, { name: 'heartline_refused_packets_unlogged_total', help: 'Of the refused packets, those counted but not logged one by one because a flood of them was being summarised.', type: 'counter', labels: ['reason'] }, function* () {
    const refusals = view()?.refusals;
    if (refusals === undefined) return;
    for (const [reason, count] of Object.entries(refusals.unlogged)) yield [{ reason }, count];
  });
}
