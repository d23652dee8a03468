import type { HeartlineProcess } from './HeartlineProcess.js';
import type { HeartlineStatus } from './HeartlineStatus.js';
import { waitUntil } from './waitUntil.js';

/**
 * Waits until `node`'s `ha status` satisfies `expected` for every named peer, e.g. all `active`
 * with deadtime 500 ms (the announced dt is deadtime + 2 s for a peer's first 5 s).
 */
export async function waitForClusterView(
  node: HeartlineProcess,
  expected: Readonly<Record<string, { status: string; deadtimeMs?: number }>>,
  timeoutMs = 30_000,
): Promise<HeartlineStatus> {
  let last: HeartlineStatus | undefined;
  try {
    return await waitUntil(`${node.node.name} to see ${JSON.stringify(expected)}`, async () => {
      last = await node.status();
      if (last === undefined) return undefined;
      for (const [name, want] of Object.entries(expected)) {
        const peer = last.nodes.find((n) => n.name === name);
        if (peer?.status !== want.status) return undefined;
        if (want.deadtimeMs !== undefined && peer.deadtimeMs !== want.deadtimeMs) return undefined;
      }
      return last;
    }, { timeoutMs, intervalMs: 100 });
  } catch (error) {
    const view = last?.nodes.map((n) => `${n.name}=${n.status}/dt${n.deadtimeMs}`).join(' ') ?? 'no answer';
    throw new Error(`${(error as Error).message}; last view: ${view}; output tail:\n${node.output().slice(-1500)}`);
  }
}
