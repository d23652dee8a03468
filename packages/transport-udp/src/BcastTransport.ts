import type { RemoteInfo, Socket } from 'node:dgram';
import type { MediaSpec, TransportContext } from '@heartline/core';
import type { LocalInterface } from './LocalInterface.js';
import type { UdpEnvironment } from './UdpEnvironment.js';
import { UdpMedium } from './UdpMedium.js';
import { bindSocket } from './bindSocket.js';
import { ipv4ToNumber } from './ipv4ToNumber.js';
import { resolveInterface } from './resolveInterface.js';

/**
 * `bcast IF`: datagrams to IF's directed broadcast address at udpport.
 *
 * Heartbeat pins both sockets to IF with SO_BINDTODEVICE, which Node cannot set. Instead:
 * - the receiver is bound to the broadcast address itself, so the kernel hands it only datagrams
 *   broadcast on IF's subnet (not unicasts to this host, not other subnets' broadcasts), and
 *   datagrams whose source is outside IF's subnet are dropped too;
 * - the sender is bound to IF's address with SO_BROADCAST, so the route to the broadcast address
 *   leaves through IF with IF's address as source.
 * The kernel loops our own broadcasts back to the receiver. Heartbeat receives its own too, counts
 * them as duplicates and takes them as proof that its own link is up, so they are delivered.
 */
export class BcastTransport extends UdpMedium {
  private local: LocalInterface | undefined;
  private out: Socket | undefined;

  constructor(spec: Extract<MediaSpec, { kind: 'bcast' }>, context: TransportContext, env: UdpEnvironment) {
    super(spec, context, env);
  }

  protected async openSockets(): Promise<void> {
    const local = resolveInterface(this.spec, 4, this.env);
    this.local = local;
    // No SO_REUSEADDR: a heartbeat daemon on this host (which holds 0.0.0.0:port with it) or any
    // other holder of the port makes the bind fail with a clear error instead of splitting traffic.
    const receiver = this.socket('udp4', false);
    this.receiveOn(receiver);
    await bindSocket(receiver, local.broadcast, this.spec.port, this.spec);
    const sender = this.socket('udp4', false);
    await bindSocket(sender, local.address, 0, this.spec);
    sender.setBroadcast(true);
    this.out = sender;
    this.logger.info(`UDP Broadcast heartbeat started on port ${this.spec.port} (${this.spec.port}) interface ${local.name}`);
  }

  protected destination(): { address: string; port: number } | undefined {
    return this.local === undefined ? undefined : { address: this.local.broadcast, port: this.spec.port };
  }

  protected sender(): Socket | undefined {
    return this.out;
  }

  protected override accepts(from: RemoteInfo): boolean {
    const local = this.local;
    if (local === undefined || from.family !== 'IPv4') return false;
    return ((ipv4ToNumber(from.address) & local.mask) >>> 0) === local.network;
  }
}
