import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArpWatch, ipAddrDriverPath } from '@heartline/agent-ipaddr/testing';
import { AgentDriver } from '@heartline/core/testing';
import type { LabNode } from '../../lib/LabNode.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { AddressMonitor } from './AddressMonitor.js';
import { emptyAgentSamples, type AgentSamples } from './AgentSamples.js';
import type { CleanupStack } from './CleanupStack.js';
import { runScriptOnNode } from './runScriptOnNode.js';
import { hasAddress, macOf, VIP } from './vipAddresses.js';

/** What part 1 measured: each agent's samples, and what entering a node costs heartbeat's script. */
export interface AgentMeasurement {
  readonly heartline: AgentSamples;
  readonly heartbeat: AgentSamples;
  /** Wall time of `nsenter … /bin/true` into a node: included in every heartbeat script figure. */
  readonly nsenterMs: number[];
}

const WARM_UP_CYCLES = 2;
const HEARTBEAT_IPADDR = '/etc/ha.d/resource.d/IPaddr';

/**
 * Part 1: a two-node lab without cluster daemons. Heartline's IPaddr agent runs in node1's network
 * namespace (a long-lived process, as in the daemon), heartbeat's resource.d/IPaddr on node2 (in its
 * container, as heartbeat's ResourceManager runs it), alternately, on the same VIP; tcpdump on the
 * bridge times the gratuitous ARPs, `ip monitor address` in each node's namespace the removals.
 * Everything it starts is on `cleanup`, which it runs before returning (the lab's files are kept
 * when it failed, or with `keep`).
 */
export async function measureAgents(runs: number, cleanup: CleanupStack, say: (line: string) => void, keep = false): Promise<AgentMeasurement> {
  const lab = await NetnsLab.create({ nodes: 2 });
  let kept = true;
  cleanup.push(async () => {
    await lab.destroy({ keepFiles: kept || keep });
    if (kept || keep) console.error(`ipaddr: lab files kept in ${lab.dir}`);
  });
  try {
    const measured = await measure(lab, runs, cleanup, say);
    kept = false;
    return measured;
  } finally {
    await cleanup.run();
  }
}

async function measure(lab: NetnsLab, runs: number, cleanup: CleanupStack, say: (line: string) => void): Promise<AgentMeasurement> {
  const [hlNode, hbNode] = [lab.node(1), lab.node(2)];
  const [hlMac, hbMac] = [await macOf(hlNode), await macOf(hbNode)];
  const watch = new ArpWatch(lab.bridgeNs, 'br0');
  cleanup.push(() => watch.stop());
  await watch.ready();
  const monitors = new Map<LabNode, AddressMonitor>([[hlNode, new AddressMonitor(hlNode.ns)], [hbNode, new AddressMonitor(hbNode.ns)]]);
  for (const monitor of monitors.values()) cleanup.push(() => monitor.stop());
  const rscTmp = join(lab.dir, 'heartline-rsctmp');
  mkdirSync(rscTmp, { recursive: true });
  const driver = new AgentDriver(ipAddrDriverPath, hlNode.ns, { HA_RSCTMP: rscTmp });
  cleanup.push(() => driver.close());
  await sleep(200); // ip monitor and the driver start listening
  const scriptLog = join(lab.dir, 'heartbeat-IPaddr.out');
  const hlResource = `IPaddr::${VIP}/24/${hlNode.iface}`;
  const hbArgument = `${VIP}/24/${hbNode.iface}`;

  const heartlineCycle = async (into: AgentSamples | undefined): Promise<void> => {
    const monitor = monitors.get(hlNode)!;
    const arpFrom = watch.mark();
    const start = await driver.ask('start', hlResource);
    if (!('status' in start.result) || start.result.status !== 'running') throw new Error(`Heartline IPaddr start: ${JSON.stringify(start.result)}\n${start.logs.join('\n')}`);
    const garp = await watch.firstGratuitous(VIP, hlMac, arpFrom, start.calledAtMs, 5000);
    const eventFrom = monitor.mark();
    const stop = await driver.ask('stop', hlResource);
    if (!('status' in stop.result) || stop.result.status !== 'stopped') throw new Error(`Heartline IPaddr stop: ${JSON.stringify(stop.result)}\n${stop.logs.join('\n')}`);
    const gone = await monitor.removed(VIP, eventFrom, stop.calledAtMs, 5000);
    if (await hasAddress(hlNode, VIP)) throw new Error(`${VIP} is still on ${hlNode.name} after Heartline's stop`);
    record(into, start, stop, garp.atMs, watch.probe(VIP, hlMac, arpFrom, start.calledAtMs)?.atMs, gone.atMs);
  };

  const heartbeatCycle = async (into: AgentSamples | undefined): Promise<void> => {
    const monitor = monitors.get(hbNode)!;
    // heartbeat's stop kills its send_arp (pid file); make sure no burst of an earlier run is left.
    await waitUntil(`${hbNode.name}: send_arp of the previous run to end`, async () => ((await hbNode.pidsNamed('send_arp')).length === 0 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const arpFrom = watch.mark();
    const start = await runScriptOnNode(hbNode, HEARTBEAT_IPADDR, [hbArgument, 'start'], scriptLog);
    if (start.code !== 0) throw new Error(`heartbeat's IPaddr ${hbArgument} start exited ${start.code} (see ${scriptLog})`);
    const garp = await watch.firstGratuitous(VIP, hbMac, arpFrom, start.calledAtMs, 10_000);
    // Only deletions after the stop call: heartbeat's start deletes and re-adds the address while it sets it up.
    const eventFrom = monitor.mark();
    const stop = await runScriptOnNode(hbNode, HEARTBEAT_IPADDR, [hbArgument, 'stop'], scriptLog);
    if (stop.code !== 0) throw new Error(`heartbeat's IPaddr ${hbArgument} stop exited ${stop.code} (see ${scriptLog})`);
    const gone = await monitor.removed(VIP, eventFrom, stop.calledAtMs, 5000);
    if (await hasAddress(hbNode, VIP)) throw new Error(`${VIP} is still on ${hbNode.name} after heartbeat's IPaddr stop`);
    record(into, start, stop, garp.atMs, watch.probe(VIP, hbMac, arpFrom, start.calledAtMs)?.atMs, gone.atMs);
  };

  const heartline = emptyAgentSamples();
  const heartbeat = emptyAgentSamples();
  for (let i = -WARM_UP_CYCLES; i < runs; i++) {
    await heartlineCycle(i < 0 ? undefined : heartline);
    await heartbeatCycle(i < 0 ? undefined : heartbeat);
    if (i >= 0 && ((i + 1) % 10 === 0 || i + 1 === runs)) say(`  start/stop run ${i + 1}/${runs} done`);
  }
  const nsenterMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const run = await runScriptOnNode(hbNode, '/bin/true', [], scriptLog);
    nsenterMs.push(run.returnedAtMs - run.calledAtMs);
  }
  return { heartline, heartbeat, nsenterMs };
}

type Call = { readonly calledAtMs: number; readonly returnedAtMs: number };

/** One cycle's figures into `into` (none for a warm-up cycle); times are epoch ms. */
function record(into: AgentSamples | undefined, start: Call, stop: Call, garpAtMs: number, probeAtMs: number | undefined, goneAtMs: number): void {
  if (into === undefined) return;
  into.startToGarp.push(garpAtMs - start.calledAtMs);
  if (probeAtMs !== undefined) into.startToProbe.push(probeAtMs - start.calledAtMs);
  into.stopToGone.push(goneAtMs - stop.calledAtMs);
  into.startReturned.push(start.returnedAtMs - start.calledAtMs);
  into.stopReturned.push(stop.returnedAtMs - stop.calledAtMs);
}
