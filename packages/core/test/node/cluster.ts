import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/time/ManualClock.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { parseAuthKeys } from '../../src/config/parseAuthKeys.js';
import { ClusterNode } from '../../src/node/ClusterNode.js';
import { InMemoryNetwork } from '../../src/testing/InMemoryNetwork.js';
import { InMemoryTransportFactory } from '../../src/testing/InMemoryTransportFactory.js';
import { StaticTransportProvider } from '../../src/transport/StaticTransportProvider.js';
import type { TransportFactory } from '../../src/transport/TransportFactory.js';
import type { ResourceLayerOptions } from '../../src/node/ResourceLayerOptions.js';

export const epochMs = Date.UTC(2026, 10, 25, 23, 55, 19);
export const authkeysText = 'auth 1\n1 sha1 hbl-lab-test-key\n';

export interface TestNode {
  readonly name: string;
  readonly node: ClusterNode;
  readonly sink: MemorySink;
  lines(): string[];
  /** Clock ms at which a message was first logged. */
  loggedAt(message: string): number | undefined;
}

const words = { debug: 'debug', info: 'info', warn: 'WARN', error: 'ERROR', crit: 'CRIT' } as const;

export function haCfText(nodes: string[], extra = ''): string {
  return `keepalive 1\ndeadtime 5\nwarntime 3\ninitdead 12\nbcast eth0\n${extra}${nodes.map((n) => `node ${n}\n`).join('')}`;
}

/** Nodes of one in-memory cluster on a shared ManualClock, real codec and auth in between. */
export function makeCluster(
  names: string[],
  options: {
    haCf?: string;
    generation?: number;
    persist?: boolean;
    factories?: (network: InMemoryNetwork) => TransportFactory[];
    resources?: (name: string) => ResourceLayerOptions;
  } = {},
) {
  const clock = new ManualClock(0, epochMs);
  let r = 12345;
  const random = () => {
    r = (r * 48271) % 2147483647;
    return r / 2147483647;
  };
  const network = new InMemoryNetwork(clock, { latencyMs: 1, random });
  const { config: haCf, issues } = parseHaCf(options.haCf ?? haCfText(names), '/etc/ha.d/ha.cf');
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  const { keys } = parseAuthKeys(authkeysText, '/etc/ha.d/authkeys');
  if (keys === undefined) throw new Error('authkeys');
  const transports = new StaticTransportProvider(options.factories?.(network) ?? [new InMemoryTransportFactory(network)]);
  const stateDirs = new Map<string, string>();
  const build = (name: string, generation: number): TestNode => {
    const sink = new MemorySink();
    let stateDir = stateDirs.get(name) ?? '/nonexistent';
    if (options.persist === true && !stateDirs.has(name)) {
      stateDir = mkdtempSync(join(tmpdir(), `hl-${name}-`));
      stateDirs.set(name, stateDir);
    }
    const node = new ClusterNode({
      nodeName: name,
      haCf,
      authKeys: keys,
      transports,
      clock,
      logger: new StructuredLogger([sink], clock).child({ node: name }),
      stateDir,
      ...(options.persist === true ? {} : { identity: { generation, uuid: Uint8Array.from({ length: 16 }, (_, i) => name.charCodeAt(i % name.length) ^ i) } }),
      random,
      loadAverage: () => '0.00 0.00 0.00 1/1 1',
      pid: 17,
      ...(options.resources === undefined ? {} : { resources: options.resources(name) }),
    });
    return {
      name,
      node,
      sink,
      lines: () => sink.records.map((rec) => `${words[rec.level]}: ${rec.message}`),
      loggedAt: (message) => {
        const rec = sink.records.find((x) => x.message === message);
        return rec === undefined ? undefined : rec.time.getTime() - epochMs;
      },
    };
  };
  const nodes = names.map((n, i) => build(n, (options.generation ?? 0x100) + i));
  return { clock, network, haCf, keys, transports, nodes, build };
}

/** Lets promise continuations run between ManualClock steps. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
