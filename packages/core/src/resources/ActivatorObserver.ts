import type { GroupOperationSample } from './GroupOperationSample.js';
import type { ResourceOperationSample } from './ResourceOperationSample.js';

/**
 * Told what the activator did once each operation ended (the daemon's metrics). Called
 * synchronously: keep it cheap, and throw nothing (a throw is logged and ignored).
 */
export interface ActivatorObserver {
  resourceOperation(sample: ResourceOperationSample): void;
  groupOperation(sample: GroupOperationSample): void;
}
