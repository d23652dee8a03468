import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { ResourceSet as R } from './ResourceSet.js';
import type { StandbyRequests } from './StandbyRequests.js';

/** ResourceManager runs hb_standby this long after a group failed to start. */
const STANDBY_AFTER_FAILURE_MS = 30_000;

/** Takes a group here, and remembers why it failed for `ha status`. */
export class GroupTaker {
  /** The failure each group's pending standby answers: a later take of the group supersedes it. */
  private readonly pendingStandby = new Map<string, object>();

  constructor(
    private readonly rt: FailoverRuntime,
    private readonly requests: StandbyRequests,
  ) {}

  /** takegroup, and heartbeat's answer to a failed start: standby for that group 30 s later. */
  async take(group: HaResourceGroup): Promise<void> {
    const { rt } = this;
    // A request queued before a stop (an ip-request-resp, a takeover) must not start a group on a
    // node that is leaving: it has released, or is releasing, everything, and the peer takes over.
    if (rt.shutdownInProgress) {
      rt.log.info(`Acquisition of resource group ${group.key} cancelled - shutdown in progress.`);
      return;
    }
    const outcome = await rt.takeGroup(group);
    this.pendingStandby.delete(group.key);
    if (outcome.ok) {
      rt.failedGroups.delete(group.key);
      return;
    }
    rt.failedGroups.set(group.key, `${outcome.operation} of ${outcome.resource} failed`);
    if (outcome.operation !== 'start') return;
    const set = rt.isLocal(group) ? 'local' : 'foreign';
    const failure = {};
    this.pendingStandby.set(group.key, failure);
    rt.log.info(`Standby [${set}] in ${STANDBY_AFTER_FAILURE_MS / 1000} s so that the peer can run group ${group.key}.`);
    // heartbeat's `sleep 30; hb_standby` runs whatever happened meanwhile; a standby for a set that
    // went home another way (its owner booted and took it) would move groups in a later event.
    rt.later(STANDBY_AFTER_FAILURE_MS, () => {
      if (this.pendingStandby.get(group.key) !== failure) return;
      this.pendingStandby.delete(group.key);
      if ((rt.iHold & (set === 'local' ? R.local : R.foreign)) === 0) {
        rt.log.info(`Standby [${set}] for the failure of group ${group.key} not needed: this node no longer holds its ${set} groups.`);
        return;
      }
      const refusal = this.requests.requestStandby(set);
      if (refusal !== undefined) rt.log.warn(`standby after the failure of group ${group.key} not sent: ${refusal}`);
    });
  }
}
