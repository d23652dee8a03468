import type { MediaKind, MediaSpec } from '../config/MediaSpec.js';
import type { Clock } from '../time/Clock.js';
import type { Logger } from '../log/Logger.js';
import type { Transport } from './Transport.js';

export interface TransportContext {
  readonly localNode: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What a transport plugin provides: the media kinds it serves and how to open one. */
export interface TransportFactory {
  readonly kinds: readonly MediaKind[];
  create(spec: MediaSpec, context: TransportContext): Transport;
}
