import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type LabMedia =
  | { readonly kind: 'bcast' }
  | { readonly kind: 'mcast'; readonly group?: string; readonly port?: number; readonly ttl?: number; readonly loop?: boolean }
  /** One line per peer address, own address included when `includeSelf` (heartbeat ignores it). */
  | { readonly kind: 'ucast'; readonly peers: readonly string[] }
  /**
   * `serial DEVICE`; `baud BAUD` (heartbeat's default 19200) is written before the first serial line,
   * since heartbeat fixes the speed of all its serial lines there and allows one `baud` line only.
   */
  | { readonly kind: 'serial'; readonly device: string; readonly baud?: number };

export interface HaConfigOptions {
  /** Every node of the cluster, in ha.cf order. */
  readonly nodes: readonly string[];
  readonly iface: string;
  readonly media: readonly LabMedia[];
  /** Times as heartbeat reads them: `1` (s), `100ms`. */
  readonly keepalive?: string;
  readonly deadtime?: string;
  readonly warntime?: string;
  readonly initdead?: string;
  readonly udpport?: number;
  readonly auth?: { readonly method: 'sha1' | 'md5' | 'crc'; readonly key?: string };
  /** haresources content; empty by default (no resources). */
  readonly haresources?: string;
  readonly autoFailback?: 'on' | 'off' | 'legacy';
  /** Raw ha.cf lines appended at the end. */
  readonly extra?: readonly string[];
}

/**
 * Writes ha.cf, authkeys (mode 0600) and haresources into a node's configuration directory, the
 * way `lab/real-hb.sh config` does, so the same files serve heartbeat 3.0.6 and Heartline.
 */
export function writeHaConfig(configDir: string, options: HaConfigOptions): void {
  const lines = [
    '# written by the Heartline test harness',
    'logfacility none',
    'logfile /var/log/ha-log',
    'debugfile /var/log/ha-debug',
    'use_logd no',
    `keepalive ${options.keepalive ?? '1'}`,
    `deadtime ${options.deadtime ?? '5'}`,
    ...(options.warntime === undefined ? [] : [`warntime ${options.warntime}`]),
    ...(options.initdead === undefined ? [] : [`initdead ${options.initdead}`]),
    `udpport ${options.udpport ?? 694}`,
  ];
  const bauds = new Set(options.media.flatMap((m) => (m.kind === 'serial' && m.baud !== undefined ? [m.baud] : [])));
  if (bauds.size > 1) throw new RangeError(`one baud for every serial line, not ${[...bauds].join(' and ')}`);
  let baud: number | undefined = [...bauds][0];
  for (const m of options.media) {
    if (m.kind === 'bcast') lines.push(`bcast ${options.iface}`);
    else if (m.kind === 'mcast') {
      lines.push(`mcast ${options.iface} ${m.group ?? '239.0.213.1'} ${m.port ?? options.udpport ?? 694} ${m.ttl ?? 1} ${m.loop === true ? 1 : 0}`);
    } else if (m.kind === 'serial') {
      if (baud !== undefined) lines.push(`baud ${baud}`);
      baud = undefined;
      lines.push(`serial ${m.device}`);
    } else for (const peer of m.peers) lines.push(`ucast ${options.iface} ${peer}`);
  }
  lines.push(`auto_failback ${options.autoFailback ?? 'on'}`, 'crm no');
  for (const node of options.nodes) lines.push(`node ${node}`);
  lines.push(...(options.extra ?? []));
  writeFileSync(join(configDir, 'ha.cf'), `${lines.join('\n')}\n`);

  const auth = options.auth ?? { method: 'sha1', key: 'hlu-test-key' };
  const keyLine = auth.method === 'crc' ? '1 crc' : `1 ${auth.method} ${auth.key ?? 'hlu-test-key'}`;
  const authkeys = join(configDir, 'authkeys');
  writeFileSync(authkeys, `auth 1\n${keyLine}\n`, { mode: 0o600 });
  chmodSync(authkeys, 0o600);
  writeFileSync(join(configDir, 'haresources'), options.haresources ?? '');
}
