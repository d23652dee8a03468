import type { DependencyContainer } from 'tsyringe';
import type { AuthKeys } from '../config/AuthKeys.js';
import type { HaCf } from '../config/HaCf.js';
import type { Logger } from '../log/Logger.js';
import type { ResourceLayerOptions } from './ResourceLayerOptions.js';
import type { Clock } from '../time/Clock.js';
import type { TransportProvider } from '../transport/TransportProvider.js';

export interface ClusterNodeOptions {
  /** Our node name, lowercase (`--node-name`, nodeinfo or uname -n). */
  readonly nodeName: string;
  readonly haCf: HaCf;
  readonly authKeys: AuthKeys;
  /** Where media come from: installed plugins in the daemon, a list in tests. */
  readonly transports: TransportProvider;
  readonly clock: Clock;
  readonly logger: Logger;
  /** hb_generation, hb_uuid and hostcache live here (heartbeat: /var/lib/heartbeat). */
  readonly stateDir: string;
  /** Skip the state files: a simulator's nodes are given their identity. */
  readonly identity?: { readonly generation: number; readonly uuid: Uint8Array };
  /** The container this node's child container hangs from (a fresh root by default). */
  readonly parentContainer?: DependencyContainer;
  readonly random?: () => number;
  readonly loadAverage?: () => string;
  readonly pid?: number;
  /** haresources groups and the agents that run them; without it the node holds no resources. */
  readonly resources?: ResourceLayerOptions;
}
