import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { AgentResult } from '../resources/AgentResult.js';
import type { GroupOutcome } from '../resources/GroupOutcome.js';

/** Group operations, done by the activator (one at a time per resource). */
export interface GroupOperations {
  takeGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  giveGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  /** ResourceManager `status <key>`: whether the group's first resource runs here. */
  isRunning(group: HaResourceGroup): Promise<boolean>;
  /** ResourceManager `statgroup <key>` is SOME or ALL: whether any resource of the group runs here. */
  runsAnyOf(group: HaResourceGroup): Promise<boolean>;
  /** Monitoring's check of one running resource, with its own timeout. */
  check(resource: ResourceRef, timeoutMs: number): Promise<AgentResult>;
  /** Monitoring's restart in place of `resource` and the resources right of it. */
  restartFrom(group: HaResourceGroup, resource: ResourceRef): Promise<GroupOutcome>;
}
