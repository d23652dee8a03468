import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import { ResourceSet as R, parseResourceSet, type ResourceSetName } from './ResourceSet.js';

/** The ways a standby starts: hb_standby, hb_takeover (ours and the peer's), and when they are refused. */
export class StandbyRequests {
  constructor(private readonly rt: FailoverRuntime) {}

  /**
   * `hb_standby [all|local|foreign|failback]`: ask the peer to take over a set of our resources.
   * Returns why it cannot be done now, or undefined when the request went out.
   */
  requestStandby(set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    const { rt } = this;
    const resources: ResourceSetName = set === 'failback' ? 'foreign' : set;
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    rt.run(() => this.goingStandby(resources));
    return undefined;
  }

  /** `hb_takeover [all|local|foreign|failback]`: ask the peer to go standby for what we take. */
  requestTakeover(set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    this.rt.run(() => this.rt.post(M.hbTakeover(set)));
    return undefined;
  }

  /** rc.d/hb_takeover: the peer wants our resources; go standby for the complementary set. */
  standbyForPeer(msg: HaMessage): Promise<void> {
    const held = msg.get('rsc_hold');
    this.goingStandby(held === 'local' ? 'foreign' : held === 'foreign' ? 'local' : 'all');
    return Promise.resolve();
  }

  /** What hb_standby does: say so, and ask the peer for the three-phase standby. */
  private goingStandby(set: ResourceSetName): void {
    this.rt.log.info(`Going standby [${set}].`);
    this.rt.post(M.askResources(parseResourceSet(set) ?? R.all, 'me'));
  }

  /** Why a standby or takeover request cannot go out now; undefined when it can. */
  private refusal(): string | undefined {
    const { rt } = this;
    if (!rt.nice) return 'Standby mode only implemented when nice_failback on (auto_failback on or off in ha.cf)';
    if (!rt.commUp) return 'communications are not up yet';
    const peers = rt.options.nodes().filter((n) => n.type === 'normal' && n.name !== rt.options.nodeName);
    if (!peers.some((n) => n.status === 'active')) return 'no active peer to take the resources';
    if (rt.shutdownInProgress) return 'shutdown in progress';
    if (!rt.isStable()) return 'resources are in transition; retry when ha status shows them stable';
    return undefined;
  }
}
