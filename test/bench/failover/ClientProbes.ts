import { VIP } from '../ipaddr/vipAddresses.js';
import { PingWatch } from '../ipaddr/PingWatch.js';
import { ArpProber } from './ArpProber.js';
import type { FailoverCluster } from './FailoverCluster.js';

const wallMs = (): number => performance.timeOrigin + performance.now();

/**
 * The two clients of one measured event: node3 pings the VIP every 10 ms, node4 asks for its MAC
 * every 10 ms. Started while the VIP answers (the ping client's ARP cache then names the owner).
 */
export class ClientProbes {
  private constructor(
    readonly ping: PingWatch,
    private readonly prober: ArpProber,
    /** Epoch ms when both clients started. */
    readonly startedAtMs: number,
  ) {}

  static async start(cluster: FailoverCluster): Promise<ClientProbes> {
    const startedAtMs = wallMs();
    const ping = new PingWatch(cluster.pinger.ns, VIP);
    const prober = new ArpProber(cluster.prober.ns, cluster.prober.iface, cluster.prober.address, VIP);
    const probes = new ClientProbes(ping, prober, startedAtMs);
    if (!(await ping.replyAfter(wallMs(), 5000))) {
      await probes.stop();
      throw new Error(`the client gets no ping reply from ${VIP} before the event`);
    }
    prober.check();
    return probes;
  }

  /** Epoch ms of the last ping reply before `atMs`. */
  lastReplyBefore(atMs: number): number | undefined {
    return this.ping.repliesAtMs.filter((t) => t < atMs).at(-1);
  }

  /** Epoch ms of the first ping reply after `atMs`. */
  firstReplyAfter(atMs: number): number | undefined {
    return this.ping.repliesAtMs.find((t) => t > atMs);
  }

  async stop(): Promise<void> {
    await Promise.all([this.ping.stop(), this.prober.stop()]);
  }
}
