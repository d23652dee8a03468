import type { DependencyContainer } from 'tsyringe';
import type { MediaSpec } from '../config/MediaSpec.js';
import type { TransportFactory } from './TransportFactory.js';

/** Finds the factory for a medium: from installed plugins in the daemon, from a list in tests. */
export interface TransportProvider {
  /** The factory serving `spec.kind`, built in the node's container; throws a HaError if none does. */
  factoryFor(spec: MediaSpec, container: DependencyContainer): Promise<TransportFactory>;
}
