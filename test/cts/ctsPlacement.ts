import type { LsbGroups } from '../lib/groupPlacement.js';
import type { LabNode } from '../lib/LabNode.js';
import { waitUntil } from '../lib/waitUntil.js';
import { CTS_IMPL_DIR } from './installCtsService.js';

/** Group owner (haresources node name) → the host it must run on, or null for nowhere. */
export type Placement = Readonly<Record<string, string | null>>;

/**
 * Where each service runs now, asked of the fixture itself (/etc/init.d/cts-impl/NAME status), not
 * of the wrapper the daemons run: a status the run made hang must not hang the probe too.
 */
export async function ctsServicePlacement(nodes: readonly LabNode[], groups: LsbGroups): Promise<Record<string, string[]>> {
  const where: Record<string, string[]> = {};
  for (const service of Object.values(groups).flat()) {
    where[service] = [];
    for (const node of nodes) {
      if (!node.running) continue;
      const result = await node.exec(`/etc/init.d/${CTS_IMPL_DIR}/${service}`, ['status'], { allowFailure: true, timeoutMs: 10_000 });
      if (result.code === 0) where[service].push(node.name);
      else if (result.code !== 3) throw new Error(`${node.name}: ${service} status exited ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`);
    }
  }
  return where;
}

/** Waits until each group's services run on exactly the host `placement` gives it; `guard` runs before every probe. */
export async function waitForCtsPlacement(
  nodes: readonly LabNode[],
  groups: LsbGroups,
  placement: Placement,
  what: string,
  timeoutMs: number,
  guard: () => void,
): Promise<void> {
  const expected: Record<string, string[]> = {};
  for (const [owner, services] of Object.entries(groups)) {
    const host = placement[owner];
    if (host === undefined) throw new RangeError(`no host given for ${owner}'s group`);
    for (const s of services) expected[s] = host === null ? [] : [host];
  }
  let last: Record<string, string[]> = {};
  try {
    await waitUntil(what, async () => {
      last = await ctsServicePlacement(nodes, groups);
      return Object.keys(expected).every((s) => last[s]!.join() === expected[s]!.join()) ? true : undefined;
    }, { timeoutMs, intervalMs: 100, guard });
  } catch (error) {
    if (error instanceof Error && error.name === 'CtsViolation') throw error;
    throw new Error(`${(error as Error).message}; services run on ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
  }
}
