import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressWatch } from './AddressWatch.js';
import type { ClusterDaemon } from './ClusterDaemon.js';
import type { LabNode } from './LabNode.js';
import type { NetnsLab } from './NetnsLab.js';
import { NodeApacheSite } from './NodeApacheSite.js';
import { WebClient } from './WebClient.js';
import { writeHaConfig } from './writeHaConfig.js';

export interface WebClusterOptions {
  /** The virtual IP. Default 10.213.0.100. */
  readonly vip?: string;
  /**
   * How haresources names it: bare as in the seed (`10.213.0.100`: the agent finds the interface),
   * or `10.213.0.100/24/hleth0`. A heartbeat node needs the latter: resource-agents' IPaddr takes
   * `nic=eth0` when none is given and then refuses the interface it calculates (`Invalid parameter
   * value: nic [eth0] Calculated nic: [hleth0]`). Default bare.
   */
  readonly vipForm?: 'bare' | 'with-interface';
  /** Per node (node1, node2): apache listens on the VIP only, or on every address of the node. */
  readonly listen: readonly ['vip' | 'all', 'vip' | 'all'];
  /** ha.cf times as heartbeat reads them. Default keepalive 200ms, deadtime 1 s, initdead 10. */
  readonly keepalive?: string;
  readonly deadtime?: string;
  readonly initdead?: string;
  /** Heartline's heartline.cf on both nodes (a heartbeat node never reads it); none when absent. */
  readonly heartlineCf?: string;
}

/**
 * The seed's web cluster on node1 and node2 of a lab: one haresources line `node1 VIP
 * apache::/etc/ha.d/web/httpd.conf` (the VIP, then apache, whose config is each node's own site:
 * NodeApacheSite), bcast, auto_failback on; a WebClient on the bridge fetching `http://VIP/`; an
 * AddressWatch on each node. The daemons are whatever ClusterDaemons the caller gives, started and
 * stopped by the scenario; `close()` ends the client and the watches (the lab is the caller's).
 */
export class WebCluster {
  private constructor(
    readonly lab: NetnsLab,
    readonly daemons: readonly [ClusterDaemon, ClusterDaemon],
    readonly vip: string,
    /** The VIP's word in haresources. */
    readonly vipResource: string,
    readonly haresources: string,
    readonly sites: readonly [NodeApacheSite, NodeApacheSite],
    readonly client: WebClient,
    readonly watches: readonly [AddressWatch, AddressWatch],
  ) {}

  /** Writes ha.cf, authkeys, haresources and the sites on node1 and node2, and starts the client and the watches. */
  static async create(lab: NetnsLab, daemons: readonly [ClusterDaemon, ClusterDaemon], options: WebClusterOptions): Promise<WebCluster> {
    const vip = options.vip ?? '10.213.0.100';
    const [node1, node2] = [lab.node(1), lab.node(2)];
    const sites = [node1, node2].map((node, i) => new NodeApacheSite(node, options.listen[i] === 'vip' ? vip : undefined)) as [NodeApacheSite, NodeApacheSite];
    const vipResource = options.vipForm === 'with-interface' ? `${vip}/24/${node1.iface}` : vip;
    const haresources = `node1 ${vipResource} ${sites[0].resource}\n`;
    for (const [i, node] of [node1, node2].entries()) {
      sites[i]!.write();
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: options.keepalive ?? '200ms',
        deadtime: options.deadtime ?? '1',
        initdead: options.initdead ?? '10',
        haresources,
        autoFailback: 'on',
        extra: ['realtime off'],
      });
      if (options.heartlineCf !== undefined) writeFileSync(join(node.configDir, 'heartline.cf'), options.heartlineCf);
    }
    const watches = [new AddressWatch(node1), new AddressWatch(node2)] as const;
    try {
      const client = await WebClient.create(lab, { url: `http://${vip}/` });
      return new WebCluster(lab, daemons, vip, vipResource, haresources, sites, client, watches);
    } catch (error) {
      for (const w of watches) w.close();
      throw error;
    }
  }

  node(i: 1 | 2): LabNode {
    return this.lab.node(i);
  }

  daemon(i: 1 | 2): ClusterDaemon {
    return this.daemons[i - 1]!;
  }

  site(i: 1 | 2): NodeApacheSite {
    return this.sites[i - 1]!;
  }

  watch(i: 1 | 2): AddressWatch {
    return this.watches[i - 1]!;
  }

  /** Whether the VIP is on the node's interface now (`ip addr`); a node without power holds nothing. */
  async hasVip(node: LabNode): Promise<boolean> {
    if (!node.running) return false;
    const { stdout } = await node.netExec('ip', ['-o', '-4', 'addr', 'show', 'dev', node.iface]);
    return stdout.includes(` ${this.vip}/`);
  }

  /** Where the VIP and apache are now: `{ vip: ['node1'], apache: ['node1'] }`. */
  async placement(): Promise<{ vip: string[]; apache: string[] }> {
    const vip: string[] = [];
    const apache: string[] = [];
    for (const i of [1, 2] as const) {
      const node = this.node(i);
      if (await this.hasVip(node)) vip.push(node.name);
      if ((await this.site(i).apaches()).length > 0) apache.push(node.name);
    }
    return { vip, apache };
  }

  /** Ends the client (and its namespace) and the address watches. */
  async close(): Promise<void> {
    for (const w of this.watches) w.close();
    await this.client.close();
  }
}
