import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { installLsbService, isLsbServiceRunning } from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// A virtual IP moving between a Heartline node (node1) and heartbeat 3.0.6 (node2), as the seeds'
// groups start: `node1 10.213.0.100/24/hleth0 hlsvc1`. Each side runs its own IPaddr: heartbeat its
// /etc/ha.d/resource.d/IPaddr script (the OCF IPaddr underneath), Heartline the agent-ipaddr plugin
// (netlink, send_arp), with heartbeat's script removed from node1's /etc/ha.d to show it needs none.
// node3 runs no daemon: it is the client, pinging the VIP and keeping its ARP cache; tcpdump on the
// bridge sees the gratuitous ARPs.
const skip =
  e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'tcpdump', 'ping'], files: ['/etc/ha.d/resource.d/IPaddr', '/usr/lib/ocf/resource.d/heartbeat/IPaddr'] }) ??
  heartbeatSkipReason();

const VIP = '10.213.0.100';
const MOVE_TIMEOUT_MS = 30_000;

async function macOf(node: LabNode): Promise<string> {
  const { stdout } = await node.netExec('ip', ['-o', 'link', 'show', 'dev', node.iface]);
  const mac = /link\/ether ([0-9a-f:]{17})/.exec(stdout)?.[1];
  assert.ok(mac !== undefined, `${node.name}: no MAC in ${stdout}`);
  return mac;
}

/** Whether the VIP is on the node's interface; a node without power holds nothing. */
async function hasVip(node: LabNode): Promise<boolean> {
  if (!node.running) return false;
  const { stdout } = await node.netExec('ip', ['-o', '-4', 'addr', 'show', 'dev', node.iface]);
  return stdout.includes(` ${VIP}/`);
}

async function waitVipOn(nodes: readonly LabNode[], holder: LabNode, what: string): Promise<void> {
  await waitUntil(what, async () => {
    for (const node of nodes) if ((await hasVip(node)) !== (node === holder)) return undefined;
    return (await isLsbServiceRunning(holder, 'hlsvc1')) ? true : undefined;
  }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 });
}

/** The client pings the VIP until it answers, then returns the MAC its ARP cache holds for it. */
async function clientReaches(client: LabNode): Promise<string> {
  return waitUntil(`${client.name} to reach ${VIP}`, async () => {
    const ping = await client.netExec('ping', ['-c', '1', '-W', '1', VIP], { allowFailure: true });
    if (ping.code !== 0) return undefined;
    const { stdout } = await client.netExec('ip', ['neigh', 'show', VIP]);
    return /lladdr ([0-9a-f:]{17})/.exec(stdout)?.[1];
  }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 200 });
}

/** tcpdump on the bridge, ARP only, one line per frame with the source MAC. */
class ArpCapture {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;

  constructor(lab: NetnsLab) {
    this.child = spawn('ip', ['netns', 'exec', lab.bridgeNs, 'tcpdump', '-l', '-n', '-e', '-i', 'br0', 'arp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let buffered = '';
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      this.lines.push(...parts);
    });
  }

  /** Gratuitous ARPs for the VIP sent from `mac` (`who-has VIP tell VIP`, or `Reply VIP is-at`), since line `from`. */
  gratuitousFrom(mac: string, from: number): string[] {
    return this.lines
      .slice(from)
      .filter((l) => l.includes(` ${mac} > `) && (l.includes(`who-has ${VIP} tell ${VIP}`) || l.includes(`Reply ${VIP} is-at`)));
  }

  close(): void {
    this.child.kill();
  }
}

describe('interop: a virtual IP moving between Heartline and heartbeat 3.0.6', { skip }, () => {
  let lab: NetnsLab;
  let daemons: [ClusterDaemon, ClusterDaemon];
  const fixture = new LabFixture({ nodes: 3 }, (built, f) => {
    lab = built;
    daemons = [f.closeAfter(heartlineDaemon(built.node(1))), f.closeAfter(heartbeatDaemon(built.node(2)))];
  });
  fixture.failed = true;

  test('power cut of the VIP holder: the peer adds the VIP and announces it with gratuitous ARP; the client follows; failback the same way back', { timeout: 150_000 }, async (t) => {
    const [node1, node2, client] = [lab.node(1), lab.node(2), lab.node(3)];
    writeBcastGroupConfig(lab, { nodes: ['node1', 'node2'], haresources: `node1 ${VIP}/24/${node1.iface} hlsvc1\n`, autoFailback: 'on' });
    for (const node of [node1, node2]) {
      installLsbService(node, 'hlsvc1');
    }
    rmSync(join(node1.configDir, 'resource.d', 'IPaddr'));
    const [mac1, mac2] = [await macOf(node1), await macOf(node2)];
    const arp = new ArpCapture(lab);
    t.after(() => arp.close());
    const [hl, hb] = daemons;

    await Promise.all([hl.start(), hb.start()]);
    await waitVipOn([node1, node2], node1, 'Heartline (node1) to hold the VIP and hlsvc1');
    assert.ok(hl.log.find(new RegExp(`Adding inet address ${VIP}/24 .*to device ${node1.iface}`)) !== undefined, 'Heartline added the VIP through agent-ipaddr');
    assert.equal(hl.log.find(/resource\.d\/IPaddr/), undefined, 'and ran no IPaddr script');
    assert.equal(await clientReaches(client), mac1, 'the client reaches the VIP at node1');

    let from = arp.lines.length;
    const cutAt = await node1.crash();
    await waitVipOn([node1, node2], node2, 'heartbeat (node2) to take the VIP over');
    t.diagnostic(`node2 holds the VIP ${Math.round(performance.now() - cutAt)} ms after node1's power cut`);
    await waitUntil('a gratuitous ARP from node2', () => (arp.gratuitousFrom(mac2, from).length > 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 100 });
    assert.equal(await clientReaches(client), mac2, 'the client\'s ARP cache moved to node2');

    from = arp.lines.length;
    const bootAt = performance.now();
    await node1.boot();
    await hl.start();
    await waitVipOn([node1, node2], node1, 'the VIP to fail back to Heartline (node1)');
    t.diagnostic(`node1 holds the VIP again ${Math.round(performance.now() - bootAt)} ms after its boot`);
    await waitUntil('a gratuitous ARP from node1', () => (arp.gratuitousFrom(mac1, from).length > 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 100 });
    assert.equal(await clientReaches(client), mac1, 'the client\'s ARP cache moved back to node1');
    const garp = arp.gratuitousFrom(mac1, from);
    t.diagnostic(`gratuitous ARPs from node1 after the failback: ${garp.length}, first: ${garp[0] ?? ''}`);
    fixture.failed = false;
  });
});
