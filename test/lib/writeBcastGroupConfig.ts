import type { NetnsLab } from './NetnsLab.js';
import { writeHaConfig, type HaConfigOptions } from './writeHaConfig.js';

/** Deadtime of the bcast resource-group clusters: failovers in about a second. */
export const BCAST_GROUP_DEADTIME_MS = 1000;

/**
 * The resource-group clusters' ha.cf on every node of the lab that `nodes` names (default: all):
 * bcast on the lab interface, keepalive 200 ms, deadtime 1 s, warntime 500 ms, initdead 10 s, sha1
 * authkeys, and the given haresources and auto_failback. `realtime off` spares heartbeat's
 * mlockall warning; Heartline ignores it. `serialBaud` adds the lab's serial cable as a second medium
 * (`baud`, then `serial` with the cable's end at each node).
 */
export function writeBcastGroupConfig(
  lab: NetnsLab,
  options: Required<Pick<HaConfigOptions, 'haresources' | 'autoFailback'>> & { readonly nodes?: readonly string[]; readonly serialBaud?: number },
): void {
  const names = options.nodes ?? lab.nodes.map((n) => n.name);
  for (const node of lab.nodes.filter((n) => names.includes(n.name))) {
    writeHaConfig(node.configDir, {
      nodes: names,
      iface: node.iface,
      media: options.serialBaud === undefined
        ? [{ kind: 'bcast' }]
        : [{ kind: 'bcast' }, { kind: 'serial', device: lab.cableEnd(node), baud: options.serialBaud }],
      keepalive: '200ms',
      deadtime: `${BCAST_GROUP_DEADTIME_MS}ms`,
      warntime: '500ms',
      initdead: '10',
      haresources: options.haresources,
      autoFailback: options.autoFailback,
      extra: ['realtime off'],
    });
  }
}
