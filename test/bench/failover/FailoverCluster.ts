import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../../lib/HeartlineProcess.js';
import type { LabNode } from '../../lib/LabNode.js';
import { installLsbService, isLsbServiceRunning } from '../../lib/LsbFixtures.js';
import { NetnsLab } from '../../lib/NetnsLab.js';
import type { RealHeartbeat } from '../../lib/RealHeartbeat.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { writeHaConfig } from '../../lib/writeHaConfig.js';
import { AddressMonitor } from '../ipaddr/AddressMonitor.js';
import type { CleanupStack } from '../ipaddr/CleanupStack.js';
import { hasAddress, macOf, VIP } from '../ipaddr/vipAddresses.js';
import { BridgeCapture } from './BridgeCapture.js';
import type { DaemonPair } from './DaemonPair.js';
import type { TimingRow } from './TimingRow.js';

export type Daemon = ClusterDaemon & ({ readonly heartbeat: RealHeartbeat } | { readonly heartline: HeartlineProcess });

/** The LSB service of the group (the fixture test/fixtures/lsb/hlsvc under this name). */
export const SERVICE = 'hlsvc';
const PLACE_TIMEOUT_MS = 90_000;

/**
 * The failover lab: node1 (the owner) and node2 run `pair`'s daemons with haresources
 * `node1 IPaddr::VIP/24/hleth0 hlsvc` (plus the pair's VIP options), bcast, the row's keepalive
 * and deadtime, auto_failback on; node3 is the client that pings the VIP, node4 the one that sends
 * ARP probes; tcpdump on the bridge and `ip monitor address` in node1's and node2's namespaces
 * watch. Everything is on `cleanup` (lab files kept when the run fails, or with `keep`).
 */
export class FailoverCluster {
  private constructor(
    private readonly outcome: { succeeded: boolean },
    readonly lab: NetnsLab,
    readonly pair: DaemonPair,
    readonly timing: TimingRow,
    readonly owner: Daemon,
    readonly survivor: Daemon,
    readonly capture: BridgeCapture,
    readonly monitors: readonly [AddressMonitor, AddressMonitor],
    readonly macs: { readonly node1: string; readonly node2: string; readonly pinger: string; readonly prober: string },
  ) {}

  static async create(pair: DaemonPair, timing: TimingRow, cleanup: CleanupStack, keep: boolean): Promise<FailoverCluster> {
    const lab = await NetnsLab.create({ nodes: 4 });
    const outcome = { succeeded: false };
    cleanup.push(async () => {
      const keepFiles = keep || !outcome.succeeded;
      await lab.destroy({ keepFiles });
      if (keepFiles) console.error(`failover: lab files kept in ${lab.dir}`);
    });
    const [node1, node2, pinger, prober] = [lab.node(1), lab.node(2), lab.node(3), lab.node(4)];
    for (const node of [node1, node2]) {
      installLsbService(node, SERVICE);
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: timing.keepalive,
        deadtime: timing.deadtime,
        // heartbeat wants initdead at least twice the deadtime; it only matters at start-up.
        initdead: String(Math.max(10, (2 * timing.deadtimeMs) / 1000)),
        haresources: `node1 IPaddr::${VIP}/24/${node.iface}${pair.vipOptions} ${SERVICE}\n`,
        autoFailback: 'on',
        // heartbeat's realtime scheduling and mlockall are off, as in every lab cluster (Heartline records the line and ignores it).
        extra: ['realtime off'],
      });
    }
    const make = (node: LabNode, kind: DaemonPair['owner']): Daemon => (kind === 'heartline' ? heartlineDaemon(node) : heartbeatDaemon(node));
    const owner = make(node1, pair.owner);
    const survivor = make(node2, pair.survivor);
    cleanup.push(() => survivor.close());
    cleanup.push(() => owner.close());
    const capture = new BridgeCapture(lab.bridgeNs);
    cleanup.push(() => capture.stop());
    await capture.ready();
    const monitors = [new AddressMonitor(node1.ns), new AddressMonitor(node2.ns)] as const;
    for (const monitor of monitors) cleanup.push(() => monitor.stop());
    const macs = { node1: await macOf(node1), node2: await macOf(node2), pinger: await macOf(pinger), prober: await macOf(prober) };
    return new FailoverCluster(outcome, lab, pair, timing, owner, survivor, capture, monitors, macs);
  }

  get node1(): LabNode {
    return this.lab.node(1);
  }

  get node2(): LabNode {
    return this.lab.node(2);
  }

  get pinger(): LabNode {
    return this.lab.node(3);
  }

  get prober(): LabNode {
    return this.lab.node(4);
  }

  /** Marks the run a success: its lab files are removed with the lab (unless kept on request). */
  succeed(): void {
    this.outcome.succeeded = true;
  }

  /** Starts both daemons at once and waits until node1 holds the group and each sees the other active. */
  async start(): Promise<void> {
    await Promise.all([this.owner.start(), this.survivor.start()]);
    await this.waitPlaced(this.node1, 'the group on node1 after the cluster started');
  }

  /**
   * Until the VIP is on `node` only, the service runs there only (LSB status), and both daemons see
   * each other active; `guard` runs before every look and ends the wait with what it throws.
   */
  async waitPlaced(node: LabNode, what: string, guard?: () => void): Promise<void> {
    const other = node === this.node1 ? this.node2 : this.node1;
    await waitUntil(what, async () => ((await hasAddress(node, VIP)) && !(await hasAddress(other, VIP)) ? true : undefined), {
      timeoutMs: PLACE_TIMEOUT_MS,
      intervalMs: 20,
      ...(guard === undefined ? {} : { guard }),
    });
    await waitUntil(`${what}: ${SERVICE} to run on ${node.name} only`, async () => {
      const [here, there] = await Promise.all([isLsbServiceRunning(node, SERVICE), isLsbServiceRunning(other, SERVICE)]);
      return here && !there ? true : undefined;
    }, { timeoutMs: PLACE_TIMEOUT_MS, intervalMs: 50 });
    await this.waitBothActive(what);
  }

  async waitBothActive(what: string): Promise<void> {
    await waitUntil(`${what}: both daemons to see each other active`, async () => {
      const seen = await Promise.all([peerStatus(this.owner, 'node2'), peerStatus(this.survivor, 'node1')]);
      return seen.every((s) => s === 'active') ? true : undefined;
    }, { timeoutMs: PLACE_TIMEOUT_MS, intervalMs: 100 });
  }
}

async function peerStatus(daemon: Daemon, peer: string): Promise<string> {
  if (!daemon.node.running) return '';
  return 'heartline' in daemon ? daemon.heartline.nodeStatus(peer) : daemon.heartbeat.nodeStatus(peer);
}
