import type { AutoFailback } from '../config/HaCf.js';
import type { Fencing } from '../fencing/Fencing.js';
import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { Logger } from '../log/Logger.js';
import type { MonitorSpec } from '../monitor/MonitorSpec.js';
import type { NodeType } from '../membership/NodeType.js';
import type { Clock } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { GroupOperations } from './GroupOperations.js';

export interface FailoverCoordinatorOptions {
  readonly nodeName: string;
  readonly groups: readonly HaResourceGroup[];
  readonly autoFailback: AutoFailback;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly operations: GroupOperations;
  /** send_cluster_msg: our own messages come back through `handle` as heartbeat's do. */
  readonly send: (message: HaMessage) => void;
  /** Every node of the cluster with its status (ours included). */
  readonly nodes: () => ReadonlyArray<{
    readonly name: string;
    readonly status: string;
    readonly type: NodeType;
    readonly anyPacketsYet: boolean;
    /** Whether a status of its current incarnation was accepted. */
    readonly statusHeard: boolean;
  }>;
  readonly localStatus: () => string;
  /** How each resource of a group is monitored while it runs here (undefined: not); no monitoring when absent. */
  readonly monitorPlan?: (group: HaResourceGroup) => Promise<ReadonlyArray<MonitorSpec | undefined>>;
  /** The STONITH device: a dead peer that may hold resources is reset before its groups are taken. Absent: none (`result=n_stnth`). */
  readonly fencing?: Fencing;
  /** See ResourceLayerOptions.upcount; `heard-from` when absent. */
  readonly upcount?: 'heard-from' | 'active-only';
}
