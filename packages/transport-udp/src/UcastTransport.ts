import { isIP } from 'node:net';
import type { Socket } from 'node:dgram';
import type { MediaSpec, TransportContext } from '@heartline/core';
import type { UdpEnvironment } from './UdpEnvironment.js';
import { UdpMedium } from './UdpMedium.js';
import { bindSocket } from './bindSocket.js';
import { resolveInterface } from './resolveInterface.js';
import { udpError } from './udpError.js';

/**
 * `ucast IF PEER` and `ucast6 IF PEER[%scope]`: datagrams to PEER at udpport.
 *
 * Receivers: one per address of IF (link-local IPv6 ones as `addr%IF`) at udpport, with
 * SO_REUSEADDR so the several ucast lines of one interface share the port, as heartbeat's
 * SO_REUSEPORT sockets do. Heartbeat binds 0.0.0.0 plus SO_BINDTODEVICE; without the latter,
 * 0.0.0.0 would also take other interfaces' traffic, while IF's own addresses are exactly what a
 * peer can name in its ucast line. A frame reaches whichever of the sharing sockets the kernel
 * picks; they all carry the same link name, the interface, as in heartbeat.
 *
 * A line naming one of this host's own addresses is "effectively ignored" by heartbeat: its
 * packets go through `lo` and its device-bound socket never sees them. Here that medium sends
 * nothing and keeps receiving, exactly as the heartbeat medium does.
 */
export class UcastTransport extends UdpMedium {
  private out: Socket | undefined;
  private peerAddress: string | undefined;

  constructor(spec: Extract<MediaSpec, { kind: 'ucast' | 'ucast6' }>, context: TransportContext, env: UdpEnvironment) {
    super(spec, context, env);
  }

  /** True once open() found that PEER is one of our own addresses. */
  get namesSelf(): boolean {
    return this.out === undefined && this.peerAddress !== undefined;
  }

  protected async openSockets(): Promise<void> {
    const spec = this.spec as Extract<MediaSpec, { kind: 'ucast' | 'ucast6' }>;
    const v6 = spec.kind === 'ucast6';
    const family = v6 ? 6 : 4;
    const local = resolveInterface(spec, family, this.env);
    const [peerHost, peerScope] = v6 ? splitScope(spec.peer) : [spec.peer, undefined];
    const peer = await this.resolvePeer(peerHost, family);
    const type = v6 ? 'udp6' : 'udp4';
    for (const address of local.addresses) {
      const receiver = this.socket(type, true);
      this.receiveOn(receiver);
      await bindSocket(receiver, scoped(address, local.name), spec.port, spec);
    }
    this.peerAddress = peer;
    if (this.isLocalAddress(peer)) {
      this.logger.info(`${this.id}: ${peer} is this node's own address: nothing is sent on this medium`);
      return;
    }
    const sender = this.socket(type, false);
    await bindSocket(sender, scoped(local.address, local.name), 0, spec);
    // Link-local peers need a scope; the interface of the line is the one heartbeat would use.
    this.peerAddress = isLinkLocal(peer) ? `${peer}%${peerScope ?? local.name}` : peer;
    this.out = sender;
    this.logger.info(`ucast: started on port ${spec.port} interface ${local.name} to ${peer}`);
  }

  protected destination(): { address: string; port: number } | undefined {
    return this.out === undefined || this.peerAddress === undefined ? undefined : { address: this.peerAddress, port: this.spec.port };
  }

  protected sender(): Socket | undefined {
    return this.out;
  }

  private async resolvePeer(host: string, family: 4 | 6): Promise<string> {
    if (isIP(host) === family) return host;
    try {
      return await this.env.lookup(host, family);
    } catch (error) {
      throw udpError(
        'UDP_PEER_UNRESOLVED',
        this.spec,
        `cannot resolve peer ${host} to an IPv${family} address: ${(error as Error).message}`,
        `Write the peer's IPv${family} address, or add ${host} to /etc/hosts.`,
        error,
      );
    }
  }

  private isLocalAddress(address: string): boolean {
    const table = this.env.networkInterfaces();
    const wanted = address.toLowerCase();
    return Object.values(table).some((list) => (list ?? []).some((a) => (a.address.split('%')[0] ?? '').toLowerCase() === wanted));
  }
}

function splitScope(peer: string): [string, string | undefined] {
  const at = peer.indexOf('%');
  return at < 0 ? [peer, undefined] : [peer.slice(0, at), peer.slice(at + 1)];
}

function isLinkLocal(address: string): boolean {
  return address.toLowerCase().startsWith('fe80:');
}

/** Link-local IPv6 addresses mean nothing without the interface they live on. */
function scoped(address: string, iface: string): string {
  return isLinkLocal(address) ? `${address}%${iface}` : address;
}
