import type { MonitorRule } from '../../src/config/HeartlineCf.js';
import type { FencingOptions } from '../../src/fencing/FencingOptions.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import type { CommandRunner } from '../../src/resources/CommandRunner.js';
import { StaticAgentProvider } from '../../src/resources/StaticAgentProvider.js';
import { MemoryServices } from '../../src/testing/MemoryServices.js';
import { haCfText, makeCluster, settle, type TestNode } from '../node/cluster.js';

const noCommands: CommandRunner = {
  run: () => Promise.reject(new Error('the memory agent runs no commands')),
};

/** Messages of the resource layer, as `node: t rsc_hold/rtype/isstable info` lines. */
const quiet = new Set(['status', 'NS_ackmsg', 'NS_rexmit', 'reqnodes', 'repnodes']);

export const haresourcesText = 'node1 svcA svcA2\nnode2 svcB\n';

/**
 * Two in-memory nodes running haresources groups on a ManualClock: node1 prefers `svcA svcA2`,
 * node2 prefers `svcB`. Services run in a MemoryServices world (50 ms per operation).
 */
export function failoverCluster(
  autoFailback: 'on' | 'off' | 'legacy',
  haresources = haresourcesText,
  names = ['node1', 'node2'],
  /** Nodes that count only `active` peers before asking for their groups, as heartbeat 3.0.6 does. */
  heartbeatCount: readonly string[] = [],
  /** heartline.cf's monitor lines; every service is monitored by default (10 s) when given. */
  monitors?: readonly MonitorRule[],
  /** Each node's STONITH device (none when undefined). */
  fencing?: (name: string) => FencingOptions | undefined,
) {
  const services = new MemoryServices(50);
  const { groups } = parseHaResources(haresources, '/etc/ha.d/haresources', names);
  const cluster = makeCluster(names, {
    haCf: haCfText(names, `auto_failback ${autoFailback}\n`),
    resources: (name) => {
      const device = fencing?.(name);
      return {
        ...(heartbeatCount.includes(name) ? { upcount: 'active-only' as const } : {}),
        ...(device === undefined ? {} : { fencing: device }),
        groups,
        agents: new StaticAgentProvider([services.agent(monitors !== undefined)]),
        ...(monitors === undefined ? {} : { monitors }),
        commands: noCommands,
        haDir: '/etc/ha.d',
        initDir: '/etc/init.d',
      };
    },
  });
  const messages: string[] = [];
  const watch = (n: TestNode) =>
    n.node.on((event) => {
      if (event.kind !== 'message') return;
      const m = event.message;
      // Each message once: from its sender's loopback, or (addressed to another node) where it arrives.
      const dest = m.get('dest');
      if (!(event.fromSelf ? dest === undefined || dest === n.name : dest === n.name)) return;
      const t = m.get('t') ?? '?';
      if (quiet.has(t)) return;
      const fields = ['rsc_hold', 'rtype', 'isstable', 'info', 'dest', 'ipaddr', 'node', 'result']
        .filter((f) => m.get(f) !== undefined)
        .map((f) => `${f}=${m.get(f) ?? ''}`);
      messages.push(`${event.from}: ${[t, ...fields].join(' ')}`);
    });
  for (const n of cluster.nodes) watch(n);

  /** Advances the clock in small steps, letting jobs run between them. */
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 10) {
      cluster.clock.advance(10);
      await settle();
    }
  };
  const restart = (index: number, generation: number): TestNode => {
    const fresh = cluster.build(names[index] ?? '', generation);
    cluster.nodes[index] = fresh;
    watch(fresh);
    return fresh;
  };
  return { ...cluster, services, messages, run, restart };
}
