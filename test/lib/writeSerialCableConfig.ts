import type { NetnsLab } from './NetnsLab.js';
import { writeHaConfig, type HaConfigOptions } from './writeHaConfig.js';

/** Deadtime of the serial cable clusters: long enough for 19200 baud pacing, short enough to test. */
export const SERIAL_DEADTIME_MS = 3000;

/**
 * Two nodes joined only by the lab's socat cable at 19200 baud (the ClearOS seed's line): the same
 * ha.cf on both ends but for the device, keepalive 1 s, deadtime 3 s, sha1 authkeys; `resources`
 * gives both nodes the same haresources and an auto_failback mode (default: none, `on`).
 */
export function writeSerialCableConfig(
  lab: NetnsLab,
  extra: readonly string[] = [],
  resources: Pick<HaConfigOptions, 'haresources' | 'autoFailback'> = {},
): void {
  for (const node of lab.nodes) {
    writeHaConfig(node.configDir, {
      nodes: lab.nodes.map((n) => n.name),
      iface: node.iface,
      media: [{ kind: 'serial', device: lab.cableEnd(node), baud: 19200 }],
      keepalive: '1',
      deadtime: String(SERIAL_DEADTIME_MS / 1000),
      warntime: '2',
      initdead: '10',
      auth: { method: 'sha1', key: 'hbl-lab-test-key' },
      extra,
      ...resources,
    });
  }
}
