import type { ClusterDaemon } from '../../lib/ClusterDaemon.js';
import { waitUntil } from '../../lib/waitUntil.js';

const ACTIVE = /Status update for node (\S+): status active/;

/**
 * When a simultaneously started cluster has converged: every node has logged every peer `active`
 * (`Status update for node X: status active`, a line heartbeat 3.0.6 and Heartline both write).
 * Reading the logs costs the daemons nothing, unlike asking each for its status.
 */
export async function waitConverged(daemons: readonly ClusterDaemon[], names: readonly string[], timeoutMs: number): Promise<number> {
  let missing = '';
  try {
    return await waitUntil('every node to see every peer active', () => {
      let last = 0;
      const gaps: string[] = [];
      for (const daemon of daemons) {
        const seen = new Map<string, number>();
        for (const line of daemon.log.lines) {
          const peer = ACTIVE.exec(line.text)?.[1];
          if (peer !== undefined && !seen.has(peer)) seen.set(peer, line.seenAtMs);
        }
        const peers = names.filter((n) => n !== daemon.node.name);
        const absent = peers.filter((p) => !seen.has(p));
        if (absent.length > 0) gaps.push(`${daemon.node.name} lacks ${absent.join(',')}`);
        for (const p of peers) last = Math.max(last, seen.get(p) ?? 0);
      }
      missing = gaps.slice(0, 4).join('; ');
      return gaps.length === 0 ? last : undefined;
    }, { timeoutMs, intervalMs: 50 });
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${missing}`);
  }
}
