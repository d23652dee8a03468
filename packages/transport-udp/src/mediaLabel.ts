import type { MediaSpec } from '@heartline/core';

/** The ha.cf line a medium came from, as the admin wrote it: `mcast eth1 239.0.0.1 694 1 0`. */
export function mediaLabel(spec: MediaSpec): string {
  switch (spec.kind) {
    case 'bcast':
      return `bcast ${spec.interface}`;
    case 'mcast':
    case 'mcast6':
      return `${spec.kind} ${spec.interface} ${spec.group} ${spec.port} ${spec.ttl} ${spec.loop ? 1 : 0}`;
    case 'ucast':
    case 'ucast6':
      return `${spec.kind} ${spec.interface} ${spec.peer}`;
    case 'serial':
      return `serial ${spec.device}`;
  }
}
