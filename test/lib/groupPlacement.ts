import type { LabNode } from './LabNode.js';
import { isLsbServiceRunning } from './LsbFixtures.js';
import { waitUntil } from './waitUntil.js';

/** haresources groups of LSB fixture services: the preferring node → its services, left to right. */
export type LsbGroups = Readonly<Record<string, readonly string[]>>;

/** The haresources file for `groups`, one line a group. */
export function haresourcesOf(groups: LsbGroups): string {
  return Object.entries(groups).map(([node, services]) => `${node} ${services.join(' ')}\n`).join('');
}

/** Where each service of `groups` runs now: the names of the nodes whose LSB status says it runs. */
export async function servicePlacement(nodes: readonly LabNode[], groups: LsbGroups): Promise<Record<string, string[]>> {
  const where: Record<string, string[]> = {};
  for (const service of Object.values(groups).flat()) {
    where[service] = [];
    for (const node of nodes) if (await isLsbServiceRunning(node, service)) where[service].push(node.name);
  }
  return where;
}

/**
 * Waits until every service of each group runs on exactly the host given for its group (group
 * owner → host name; `[]` for a group that must run nowhere). The error names where they ran.
 */
export async function waitForPlacement(
  nodes: readonly LabNode[],
  groups: LsbGroups,
  hostOf: Readonly<Record<string, string | null>>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const expected: Record<string, string[]> = {};
  for (const [owner, services] of Object.entries(groups)) {
    const host = hostOf[owner];
    if (host === undefined) throw new RangeError(`no host given for ${owner}'s group`);
    for (const s of services) expected[s] = host === null ? [] : [host];
  }
  let last: Record<string, string[]> = {};
  try {
    await waitUntil(what, async () => {
      last = await servicePlacement(nodes, groups);
      return Object.keys(expected).every((s) => last[s]!.join() === expected[s]!.join()) ? true : undefined;
    }, { timeoutMs, intervalMs: 100 });
  } catch (error) {
    throw new Error(`${(error as Error).message}; services run on ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
  }
}
