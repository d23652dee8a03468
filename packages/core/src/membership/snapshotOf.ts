import { formatUuid } from '../wire/formatUuid.js';
import type { MembershipFlags } from './MembershipRuntime.js';
import type { MembershipSnapshot } from './MembershipSnapshot.js';
import type { NodeRecord } from './NodeRecord.js';

/** A copy of membership's state that callers may keep: no live records leak out. */
export function snapshotOf(
  local: NodeRecord,
  generation: number,
  flags: MembershipFlags,
  nodes: readonly NodeRecord[],
): MembershipSnapshot {
  return {
    localNode: local.name,
    localStatus: local.status,
    generation,
    commUp: flags.commNowUp,
    flowControl: flags.flowControl,
    nodes: nodes.map((n) => ({
      name: n.name,
      type: n.type,
      status: n.status,
      uuid: n.uuid === undefined ? undefined : formatUuid(n.uuid),
      deadtimeMs: n.deadMs,
      links: [...n.links.values()].map((l) => ({ name: l.name, status: l.status })),
    })),
  };
}
