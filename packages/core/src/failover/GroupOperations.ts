import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { GroupOutcome } from '../resources/GroupOutcome.js';

/** Group operations, done by the activator (one at a time per resource). */
export interface GroupOperations {
  takeGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  giveGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  /** ResourceManager `status <key>`: whether the group's first resource runs here. */
  isRunning(group: HaResourceGroup): Promise<boolean>;
}
