import type { FrameListener, Transport, WireFormat } from '../transport/Transport.js';
import type { InMemoryNetwork } from './InMemoryNetwork.js';

/** One node's endpoint on an InMemoryNetwork segment: a Transport like any plugin's. */
export class InMemoryTransport implements Transport {
  readonly id: string;
  readonly linkName: string;
  readonly wireFormat: WireFormat;
  readonly node: string;
  readonly segment: string;
  readonly loopback: boolean;
  private readonly listeners = new Set<FrameListener>();
  private state: 'new' | 'open' | 'closed' = 'new';

  constructor(
    private readonly network: InMemoryNetwork,
    options: { node: string; segment: string; wireFormat: WireFormat; loopback: boolean; id: string },
  ) {
    this.id = options.id;
    this.node = options.node;
    this.segment = options.segment;
    this.linkName = options.segment;
    this.wireFormat = options.wireFormat;
    this.loopback = options.loopback;
  }

  open(): Promise<void> {
    if (this.state !== 'new') return Promise.reject(new Error(`${this.id}: open() called twice`));
    this.state = 'open';
    this.network.join(this);
    return Promise.resolve();
  }

  send(frame: Uint8Array): Promise<void> {
    if (this.state === 'open') this.network.carry(this, frame);
    return Promise.resolve();
  }

  onFrame(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.state = 'closed';
    this.network.leave(this);
    return Promise.resolve();
  }

  /** @internal called by the network. */
  deliver(frame: Uint8Array, from: string): void {
    for (const listener of [...this.listeners]) listener(frame, from);
  }
}
