import type { SimWorld } from './SimWorld.js';

/**
 * What keeps a healthy cluster from being converged, or undefined when it is: every node runs
 * and is active, every node sees every other active, and with groups, both resource layers are
 * stable and each group runs whole on exactly one node, nowhere else.
 */
export function convergenceGap(world: SimWorld): string | undefined {
  const { machines, services, config } = world;
  for (const m of machines) {
    if (m.phase !== 'running') return `${m.name} is ${m.phase}`;
    const member = m.node?.membership;
    if (member?.localStatus !== 'active') return `${m.name} is ${member?.localStatus ?? 'not started'}`;
    for (const peer of machines) {
      const seen = peer === m ? undefined : member.table.byName(peer.name)?.status;
      if (seen !== undefined && seen !== 'active') return `${m.name} sees ${peer.name} as ${seen}`;
    }
  }
  for (const group of config.groups) {
    const whole = machines.filter((m) => group.resources.every((r) => services.isRunning(m.name, r.spec)));
    const some = machines.filter((m) => group.resources.some((r) => services.isRunning(m.name, r.spec)));
    if (whole.length !== 1 || some.length !== 1) {
      return `group ${group.key} runs on ${some.map((m) => `${m.name} (${services.on(m.name).join(' ')})`).join(' and ') || 'no node'}`;
    }
  }
  if (config.groups.length === 0) return undefined;
  for (const m of machines) {
    const resources = m.node?.status().resources;
    if (resources !== undefined && !resources.stable) return `${m.name}'s resource layer is in transition (${resources.state}, standby ${resources.standby})`;
  }
  return undefined;
}
