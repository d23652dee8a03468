import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VethPair } from '@heartline/core/testing';

/** Every namespace of these tests starts with this; the rest is the creating process's PID in base 36. */
export const NS_PREFIX = 'hlip';

/**
 * Two network namespaces joined by a veth pair created directly inside them (nothing appears in the
 * root namespace): the agent's side `a` (hlv0, 10.213.0.1/25, MAC 02:00:0a:d5:fe:01) and a peer
 * `b` (hlv1, 10.213.0.2/25, MAC 02:00:0a:d5:fe:02). `a` also has a second veth pair, hlw0/hlw1,
 * left down. IPv6 is off in both, so nothing but what a test sends crosses the link.
 */
const MAC_A = '02:00:0a:d5:fe:01';
const MAC_B = '02:00:0a:d5:fe:02';

export class IpLab extends VethPair {
  readonly macA = MAC_A;
  readonly macB = MAC_B;
  readonly rscTmp = mkdtempSync(join(tmpdir(), 'hlip-rsctmp-'));

  constructor() {
    super(NS_PREFIX, { a: { iface: 'hlv0', cidr: '10.213.0.1/25', mac: MAC_A }, b: { iface: 'hlv1', cidr: '10.213.0.2/25', mac: MAC_B } });
  }

  override async create(): Promise<void> {
    await super.create();
    await this.ip(this.a, 'link', 'add', 'hlw0', 'type', 'veth', 'peer', 'name', 'hlw1');
  }

  /** The IPv4 addresses of an interface of the agent's namespace, one `ip -o` line each. */
  async addressesOf(iface: string): Promise<string[]> {
    return (await this.ip(this.a, '-4', '-o', 'addr', 'show', 'dev', iface)).split('\n').filter((l) => l.trim() !== '');
  }

  removeFiles(): void {
    rmSync(this.rscTmp, { recursive: true, force: true });
  }
}
