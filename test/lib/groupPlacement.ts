import type { LabNode } from './LabNode.js';
import { isLsbServiceRunning } from './LsbFixtures.js';
import type { NeverTwiceWatch } from './NeverTwiceWatch.js';
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

/** The hosts each service of `groups` must run on when every group runs on the host given for it. */
function expectedPlacement(groups: LsbGroups, hostOf: Readonly<Record<string, string | null>>): Record<string, string[]> {
  const expected: Record<string, string[]> = {};
  for (const [owner, services] of Object.entries(groups)) {
    const host = hostOf[owner];
    if (host === undefined) throw new RangeError(`no host given for ${owner}'s group`);
    for (const s of services) expected[s] = host === null ? [] : [host];
  }
  return expected;
}

function matches(where: Record<string, string[]>, expected: Record<string, string[]>): boolean {
  return Object.keys(expected).every((s) => where[s]!.join() === expected[s]!.join());
}

/** Whether every service of each group runs on exactly the host given for its group, now. */
export async function isPlaced(nodes: readonly LabNode[], groups: LsbGroups, hostOf: Readonly<Record<string, string | null>>): Promise<boolean> {
  return matches(await servicePlacement(nodes, groups), expectedPlacement(groups, hostOf));
}

/**
 * Waits until every service of each group runs on exactly the host given for its group (group
 * owner → host name; `[]` for a group that must run nowhere). The error names where they ran.
 * With a `watch`, a service running twice beyond its bound fails the wait at once.
 */
export async function waitForPlacement(
  nodes: readonly LabNode[],
  groups: LsbGroups,
  hostOf: Readonly<Record<string, string | null>>,
  what: string,
  timeoutMs = 30_000,
  watch?: NeverTwiceWatch,
): Promise<void> {
  const expected = expectedPlacement(groups, hostOf);
  let last: Record<string, string[]> = {};
  try {
    await waitUntil(what, async () => {
      last = await servicePlacement(nodes, groups);
      return matches(last, expected) ? true : undefined;
    }, { timeoutMs, intervalMs: 100, ...(watch === undefined ? {} : { guard: () => watch.check() }) });
  } catch (error) {
    throw new Error(`${(error as Error).message}; services run on ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
  }
}
