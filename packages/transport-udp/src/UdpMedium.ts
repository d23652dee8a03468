import type { RemoteInfo, Socket } from 'node:dgram';
import type { Clock, FrameListener, Logger, MediaSpec, Transport, TransportContext } from '@heartline/core';
import { mediaLabel } from './mediaLabel.js';
import type { UdpEnvironment } from './UdpEnvironment.js';

/** A failed send is logged once, then summarised at most this often while it keeps failing. */
const SEND_ERROR_REPORT_INTERVAL_MS = 10_000;

/**
 * What every UDP medium shares: listeners, the send path and the sockets' lifetime. Subclasses bind
 * their sockets in `openSockets` and say where frames go.
 */
export abstract class UdpMedium implements Transport {
  readonly id: string;
  readonly linkName: string;
  readonly wireFormat = 'netstring' as const;
  protected readonly logger: Logger;
  protected readonly clock: Clock;
  private readonly listeners = new Set<FrameListener>();
  private readonly sockets: Socket[] = [];
  private state: 'new' | 'opening' | 'open' | 'closed' = 'new';
  private sendFailures = 0;
  private lastSendReportMs = Number.NEGATIVE_INFINITY;

  protected constructor(
    protected readonly spec: Exclude<MediaSpec, { kind: 'serial' }>,
    context: TransportContext,
    protected readonly env: UdpEnvironment,
  ) {
    this.id = mediaLabel(spec);
    this.linkName = spec.interface;
    this.clock = context.clock;
    this.logger = context.logger.child({ transport: this.id });
  }

  async open(): Promise<void> {
    if (this.state !== 'new') throw new Error(`${this.id}: open() called twice`);
    this.state = 'opening';
    try {
      await this.openSockets();
      this.state = 'open';
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async send(frame: Uint8Array): Promise<void> {
    if (this.state !== 'open') throw new Error(`${this.id}: send() on a medium that is ${this.state}`);
    const destination = this.destination();
    const sender = this.sender();
    if (destination === undefined || sender === undefined) return;
    await new Promise<void>((resolve) => {
      sender.send(frame, destination.port, destination.address, (error) => {
        // UDP is a lossy medium and heartbeat treats a failed sendto as a lost packet (it logs and
        // carries on): a firewall drop (EPERM), a downed link (ENETUNREACH) must not stop the node.
        if (error !== null) this.reportSendFailure(error);
        resolve();
      });
    });
  }

  onFrame(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    const sockets = this.sockets.splice(0);
    await Promise.all(sockets.map((s) => new Promise<void>((resolve) => {
      try {
        s.close(() => resolve());
      } catch {
        resolve(); // never bound, or already closed
      }
    })));
  }

  /** Creates and binds the sockets; throws an HaError naming the directive on failure. */
  protected abstract openSockets(): Promise<void>;

  /** Where frames go, or undefined when this medium sends nothing (ucast naming ourselves). */
  protected abstract destination(): { address: string; port: number } | undefined;

  protected abstract sender(): Socket | undefined;

  /** Receivers may drop datagrams that cannot belong to this medium. */
  protected accepts(_from: RemoteInfo): boolean {
    return true;
  }

  /** Creates a socket owned by this medium: closed with it, errors logged instead of thrown. */
  protected socket(type: 'udp4' | 'udp6', reuseAddr: boolean): Socket {
    const socket = this.env.createSocket(type === 'udp6' ? { type, reuseAddr, ipv6Only: true } : { type, reuseAddr });
    socket.on('error', (error) => this.logger.error(`${this.id}: socket error: ${error.message}`));
    this.sockets.push(socket);
    return socket;
  }

  /** Makes `socket` a receiver: every datagram it gets becomes a frame for the listeners. */
  protected receiveOn(socket: Socket): void {
    socket.on('message', (datagram: Buffer, from: RemoteInfo) => {
      if (!this.accepts(from)) return;
      for (const listener of this.listeners) listener(datagram, from.address);
    });
  }

  private reportSendFailure(error: Error): void {
    this.sendFailures += 1;
    const now = this.clock.now();
    if (now - this.lastSendReportMs < SEND_ERROR_REPORT_INTERVAL_MS) return;
    this.lastSendReportMs = now;
    const count = this.sendFailures;
    this.sendFailures = 0;
    this.logger.warn(
      `${this.id}: cannot send packet: ${error.message}${count > 1 ? ` (${count} failed sends since the last report)` : ''}`,
    );
  }
}
