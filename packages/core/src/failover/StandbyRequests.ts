import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import { ResourceSet as R, parseResourceSet, type ResourceSetName } from './ResourceSet.js';

const RESTART_EXPECTED = 'this node restarts after a healed partition';

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
  standbyForPeer(from: string, msg: HaMessage): Promise<void> {
    // heartbeat's rc.d script sends the request whatever our state; one that our own standby
    // protocol then ignores (resources in flux, a shutdown under way) is still answered by the
    // peer, which then waits an hour for a standby that never happens.
    const refusal = this.standbyProtocolRefusal(from);
    if (refusal !== undefined) {
      this.rt.log.warn(`Takeover request from ${from} not answered with a standby: ${refusal}.`);
      return Promise.resolve();
    }
    const held = msg.get('rsc_hold');
    this.goingStandby(held === 'local' ? 'foreign' : held === 'foreign' ? 'local' : 'all');
    return Promise.resolve();
  }

  /** What hb_standby does: say so, and ask the peer for the three-phase standby. */
  private goingStandby(set: ResourceSetName): void {
    this.rt.log.info(`Going standby [${set}].`);
    this.rt.post(M.askResources(parseResourceSet(set) ?? R.all, 'me'));
  }

  /** Why our standby protocol would ignore our own request now (ask_for_resources' checks). */
  private standbyProtocolRefusal(peer: string): string | undefined {
    const { rt } = this;
    if (rt.shutdownInProgress) return 'shutdown in progress';
    if (rt.restartExpected) return RESTART_EXPECTED;
    if (rt.goingStandby !== 'not' || rt.standbyRunning !== 0) return 'a standby is under way';
    if (!rt.otherIsStable) return `the resources of ${peer} are in flux`;
    if (rt.state !== 'stable') return 'local resources in flux';
    return undefined;
  }

  /** Why a standby or takeover request cannot go out now; undefined when it can. */
  private refusal(): string | undefined {
    const { rt } = this;
    if (!rt.nice) return 'Standby mode only implemented when nice_failback on (auto_failback on or off in ha.cf)';
    if (!rt.commUp) return 'communications are not up yet';
    const peers = rt.options.nodes().filter((n) => n.type === 'normal' && n.name !== rt.options.nodeName);
    if (!peers.some((n) => n.status === 'active')) return 'no active peer to take the resources';
    if (rt.shutdownInProgress) return 'shutdown in progress';
    if (rt.restartExpected) return RESTART_EXPECTED;
    if (!rt.isStable()) return 'resources are in transition; retry when ha status shows them stable';
    return undefined;
  }
}
