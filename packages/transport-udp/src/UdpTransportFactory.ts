import type { MediaKind, MediaSpec, Transport, TransportContext, TransportFactory } from '@heartline/core';
import { BcastTransport } from './BcastTransport.js';
import { McastTransport } from './McastTransport.js';
import { UcastTransport } from './UcastTransport.js';
import type { UdpEnvironment } from './UdpEnvironment.js';
import { nodeUdpEnvironment } from './nodeUdpEnvironment.js';
import { udpError } from './udpError.js';

/**
 * Heartbeat's UDP media. Core builds it with no arguments (the parameter has a default, so its
 * constructor length is 0 for tsyringe); tests pass their own environment.
 */
export class UdpTransportFactory implements TransportFactory {
  readonly kinds: readonly MediaKind[] = ['bcast', 'mcast', 'ucast', 'mcast6', 'ucast6'];

  constructor(private readonly env: UdpEnvironment = nodeUdpEnvironment) {}

  create(spec: MediaSpec, context: TransportContext): Transport {
    switch (spec.kind) {
      case 'bcast':
        return new BcastTransport(spec, context, this.env);
      case 'mcast':
      case 'mcast6':
        return new McastTransport(spec, context, this.env);
      case 'ucast':
      case 'ucast6':
        return new UcastTransport(spec, context, this.env);
      default:
        throw udpError('UDP_UNSUPPORTED_MEDIUM', spec, `the UDP transport does not serve ${spec.kind} media`, 'This is a bug in the plugin wiring: a medium was routed to the wrong transport plugin.');
    }
  }
}
