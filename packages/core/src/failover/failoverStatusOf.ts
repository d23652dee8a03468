import type { FencingStatus } from '../fencing/FencingStatus.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import type { GroupMonitor } from './GroupMonitor.js';
import type { FailoverStatus } from './FailoverStatus.js';
import { ResourceSet as R, resourceSetName } from './ResourceSet.js';

/** The resource layer as `ha status` shows it. */
export function failoverStatusOf(rt: FailoverRuntime, monitor: GroupMonitor, fencing?: FencingStatus): FailoverStatus {
  return {
    mode: rt.options.autoFailback,
    state: rt.state,
    stable: rt.isStable(),
    resourceState: rt.isStable() ? resourceSetName(rt.iHold) : 'transition',
    held: resourceSetName(rt.iHold),
    peerHolds: resourceSetName(rt.otherHolds),
    peerStable: rt.otherIsStable,
    standby: rt.goingStandby,
    ...(fencing === undefined ? {} : { fencing }),
    groups: rt.options.groups.map((g) => {
      const failure = rt.failedGroups.get(g.key);
      const monitored = monitor.statusOf(g);
      return {
        key: g.key,
        node: g.node,
        line: g.line,
        owner: rt.isLocal(g) ? 'local' : 'foreign',
        heldHere: (rt.iHold & (rt.isLocal(g) ? R.local : R.foreign)) !== 0,
        ...(failure === undefined ? {} : { failure }),
        ...(monitored === undefined ? {} : { monitor: monitored }),
      };
    }),
  };
}
