import type { CtsCluster } from './CtsCluster.js';

/** Which link of node i: its end of the serial cable, or its lab interface (bcast). */
export type CtsLink = 'serial' | 'bcast';

/**
 * Waits until every daemon logs `Link PEER:LINK STATE.` (heartbeat's wording, which Heartline keeps)
 * for its peer's link after its own log mark; resolves with performance.now() when the last one
 * showed up. Node i names the serial link by its own end of the cable, the bcast link by its interface.
 */
export async function waitForLinks(
  cluster: CtsCluster,
  link: CtsLink,
  state: 'up' | 'dead',
  marks: readonly number[],
  timeoutMs: number,
): Promise<number> {
  const seen = await Promise.all(
    cluster.daemons.map((d, k) => {
      const i = k + 1;
      const name = link === 'serial' ? cluster.serialLink(i) : cluster.node(i).iface;
      const pattern = new RegExp(`Link ${cluster.node(cluster.peer(i)).name}:${escapeRegExp(name)} ${state}\\.`);
      return d.log.waitFor(pattern, { from: marks[k] ?? 0, timeoutMs });
    }),
  );
  return Math.max(...seen.map((l) => l.seenAtMs));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
