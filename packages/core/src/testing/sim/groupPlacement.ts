import type { SimWorld } from './SimWorld.js';

/** Which node runs each group (by key), as `svcA1@node1 svcB1@node2`; `-` for none. */
export function groupPlacement(world: SimWorld): Map<string, string> {
  const placement = new Map<string, string>();
  for (const group of world.config.groups) {
    const holder = world.machines.find((m) => group.resources.every((r) => world.services.isRunning(m.name, r.spec)));
    placement.set(group.key, holder?.name ?? '-');
  }
  return placement;
}
