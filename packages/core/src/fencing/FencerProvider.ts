import type { DependencyContainer } from 'tsyringe';
import type { Fencer } from './Fencer.js';

/** Finds the fencer for a STONITH type: from installed plugins in the daemon, from a list in tests. */
export interface FencerProvider {
  /** The fencer serving `type`, built in the node's container; throws a HaError if none does. */
  fencerFor(type: string, container: DependencyContainer): Promise<Fencer>;
  /** Whether some fencer serves `type`, without loading anything. */
  provides(type: string): boolean;
}
