import type { AuthKeys } from '../../config/AuthKeys.js';
import type { HaCf } from '../../config/HaCf.js';
import type { HaResourceGroup } from '../../config/HaResourceGroup.js';
import type { MonitorRule } from '../../config/HeartlineCf.js';
import { parseAuthKeys } from '../../config/parseAuthKeys.js';
import { parseHaCf } from '../../config/parseHaCf.js';
import { parseHaResources } from '../../config/parseHaResources.js';
import { parseHeartlineCf } from '../../config/parseHeartlineCf.js';
import type { SimSchedule } from './SimSchedule.js';

/** The configuration every simulated node reads: heartbeat's files, parsed by the real parsers. */
export interface SimClusterConfig {
  readonly names: readonly string[];
  readonly haCf: HaCf;
  readonly authKeys: AuthKeys;
  readonly groups: readonly HaResourceGroup[];
  readonly monitors: readonly MonitorRule[] | undefined;
}

/** ha.cf timings of every simulated cluster (the lab's); the invariants' bounds derive from them. */
export const simTimings = { keepaliveMs: 1000, deadtimeMs: 5000, warntimeMs: 3000, initdeadMs: 12_000 } as const;

/** Two groups of different lengths, so start and stop order show: node1's three services, node2's two. */
export const simHaResources = 'node1 svcA1 svcA2 svcA3\nnode2 svcB1 svcB2\n';

/** Every service checked every 2 s; one restart in place per minute, then the group goes to the peer. */
const monitorText = ['svcA1', 'svcA2', 'svcA3', 'svcB1', 'svcB2'].map((r) => `monitor ${r} interval=2s timeout=2s restarts=1 window=1min\n`).join('');

export function simClusterConfig(schedule: SimSchedule): SimClusterConfig {
  const names = Array.from({ length: schedule.nodes }, (_, i) => `node${i + 1}`);
  const t = simTimings;
  const haCfText =
    `keepalive ${t.keepaliveMs}ms\ndeadtime ${t.deadtimeMs}ms\nwarntime ${t.warntimeMs}ms\ninitdead ${t.initdeadMs}ms\n` +
    `bcast eth0\nauto_failback ${schedule.autoFailback}\n${names.map((n) => `node ${n}\n`).join('')}`;
  const haCf = parseHaCf(haCfText, '/etc/ha.d/ha.cf');
  const keys = parseAuthKeys('auth 1\n1 sha1 heartline-simulator\n', '/etc/ha.d/authkeys');
  const resources = schedule.groups ? parseHaResources(simHaResources, '/etc/ha.d/haresources', names) : { groups: [], issues: [] };
  const heartlineCf = schedule.monitoring ? parseHeartlineCf(monitorText, '/etc/ha.d/heartline.cf') : undefined;
  const errors = [...haCf.issues, ...resources.issues, ...(heartlineCf?.issues ?? [])].filter((i) => i.severity === 'error');
  if (errors.length > 0 || keys.keys === undefined) throw new Error(`simulator configuration: ${JSON.stringify(errors)}`);
  return { names, haCf: haCf.config, authKeys: keys.keys, groups: resources.groups, monitors: heartlineCf?.config.monitors };
}
