import { isIP } from 'node:net';
import type { Socket } from 'node:dgram';
import type { MediaSpec, TransportContext } from '@heartline/core';
import type { UdpEnvironment } from './UdpEnvironment.js';
import { UdpMedium } from './UdpMedium.js';
import { bindSocket } from './bindSocket.js';
import { resolveInterface } from './resolveInterface.js';
import { udpError } from './udpError.js';

/**
 * `mcast IF GROUP PORT TTL LOOP` and `mcast6 IF GROUP PORT HOPS LOOP`, as heartbeat's mcast.c and
 * mcast6.c open them: the receiver bound to GROUP:PORT (SO_REUSEADDR) and joined to GROUP on IF;
 * the sender leaving through IF with the given TTL (hop limit) and loopback. PORT ignores udpport.
 * For mcast6 the receiver is bound to `GROUP%IF`: the scope ties it to IF, the one place where
 * Linux gives Node the effect of SO_BINDTODEVICE.
 */
export class McastTransport extends UdpMedium {
  private out: Socket | undefined;
  private readonly group: string;
  private readonly port: number;

  constructor(spec: Extract<MediaSpec, { kind: 'mcast' | 'mcast6' }>, context: TransportContext, env: UdpEnvironment) {
    super(spec, context, env);
    this.group = spec.group;
    this.port = spec.port;
  }

  protected async openSockets(): Promise<void> {
    const spec = this.spec as Extract<MediaSpec, { kind: 'mcast' | 'mcast6' }>;
    const v6 = spec.kind === 'mcast6';
    this.checkGroup(v6);
    const local = resolveInterface(spec, v6 ? 6 : 4, this.env);
    const type = v6 ? 'udp6' : 'udp4';
    // IPv6 names an interface by scope; IPv4 by one of its addresses (imr_interface).
    const ifaceRef = v6 ? `::%${local.name}` : local.address;
    const receiver = this.socket(type, true);
    this.receiveOn(receiver);
    await bindSocket(receiver, v6 ? `${this.group}%${local.name}` : this.group, this.port, spec);
    try {
      receiver.addMembership(this.group, ifaceRef);
    } catch (error) {
      throw udpError('UDP_BIND_FAILED', spec, `cannot join group ${this.group} on ${local.name}: ${(error as Error).message}`, `Check that ${local.name} is up and multicast-capable.`, error);
    }
    const sender = this.socket(type, false);
    await bindSocket(sender, v6 ? '::' : local.address, 0, spec);
    sender.setMulticastInterface(ifaceRef);
    sender.setMulticastTTL(spec.ttl);
    sender.setMulticastLoopback(spec.loop);
    this.out = sender;
    this.logger.info(`UDP multicast heartbeat started for group ${this.group} port ${this.port} interface ${local.name} (ttl=${spec.ttl} loop=${spec.loop ? 1 : 0})`);
  }

  protected destination(): { address: string; port: number } | undefined {
    return this.out === undefined ? undefined : { address: this.spec.kind === 'mcast6' ? `${this.group}%${this.spec.interface}` : this.group, port: this.port };
  }

  protected sender(): Socket | undefined {
    return this.out;
  }

  private checkGroup(v6: boolean): void {
    const family = isIP(this.group);
    const ok = v6
      ? family === 6 && this.group.toLowerCase().startsWith('ff')
      : family === 4 && Number(this.group.split('.')[0]) >= 224 && Number(this.group.split('.')[0]) <= 239;
    if (!ok) {
      throw udpError(
        'UDP_BAD_ADDRESS',
        this.spec,
        `${this.group} is not an ${v6 ? 'IPv6 multicast (ff00::/8)' : 'IPv4 multicast (224.0.0.0/4)'} group`,
        v6 ? 'Use a group such as ff02::694.' : 'Use a group in 224.0.0.0/4, such as 239.0.0.1 (administratively scoped).',
      );
    }
  }
}
