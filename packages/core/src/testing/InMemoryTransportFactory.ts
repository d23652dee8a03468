import type { MediaKind, MediaSpec } from '../config/MediaSpec.js';
import type { Transport } from '../transport/Transport.js';
import type { TransportContext, TransportFactory } from '../transport/TransportFactory.js';
import type { InMemoryNetwork } from './InMemoryNetwork.js';

/**
 * Serves every ha.cf medium from an InMemoryNetwork: the segment is the medium's link name
 * (interface or device), serial media carry classic frames, UDP media netstring ones; bcast and
 * mcast hear themselves, ucast and serial do not (as on real wires).
 */
export class InMemoryTransportFactory implements TransportFactory {
  readonly kinds: readonly MediaKind[] = ['bcast', 'mcast', 'mcast6', 'ucast', 'ucast6', 'serial'];

  constructor(private readonly network: InMemoryNetwork) {}

  create(spec: MediaSpec, context: TransportContext): Transport {
    const segment = spec.kind === 'serial' ? spec.device : spec.interface;
    const loopback = spec.kind === 'bcast' || spec.kind === 'mcast' || spec.kind === 'mcast6';
    return this.network.attach(context.localNode, segment, {
      wireFormat: spec.kind === 'serial' ? 'classic' : 'netstring',
      loopback,
      id: `${spec.kind} ${segment}`,
    });
  }
}
