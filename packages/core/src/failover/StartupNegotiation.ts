import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { ResourceRelease } from './ResourceRelease.js';
import { ResourceSet as R, parseResourceSet } from './ResourceSet.js';
import type { ResourceTakeover } from './ResourceTakeover.js';
import type { StandbyProtocol } from './StandbyProtocol.js';

/** heartbeat's RQSTDELAY: how long both nodes wait for the other to become stable before taking their own groups. */
const RQST_DELAY_MS = 10_000;

/**
 * Who holds what, from comm-up on: `starting` / `resource` / `shutdone` under nice_failback
 * (auto_failback on|off), the RQSTDELAY deadlock breaker, and the audit of both sides' claims;
 * in legacy mode, just asking for our own groups.
 */
export class StartupNegotiation {
  constructor(
    private readonly rt: FailoverRuntime,
    private readonly release: ResourceRelease,
    private readonly standby: StandbyProtocol,
    private readonly takeover: ResourceTakeover,
  ) {}

  /** comm_up_resource_action */
  commUpResourceAction(): void {
    const { rt } = this;
    rt.commUp = true;
    if (rt.deadCount() === 0) rt.foreignTakeoverWorkDone = true;
    if (rt.nice) {
      rt.post(M.starting());
      rt.state = 'starting';
    } else if (!rt.resourcesRequestedYet) {
      rt.resourcesRequestedYet = true;
      this.takeover.reqOurResources(false);
    }
  }

  /** process_resources: `starting`, `resource` and `shutdone` under nice_failback. */
  processResources(type: 'starting' | 'resource' | 'shutdone', msg: HaMessage, fromSelf: boolean): void {
    const { rt } = this;
    this.release.shutdownIfNeeded();
    if (!rt.nice) return;
    let next = rt.state;

    if (type === 'starting' && !fromSelf) {
      switch (rt.state) {
        case 'rscrcvd':
        case 'stable':
        case 'shutdown':
          break;
        case 'starting':
          next = 'bothstarting';
          rt.foreignTakeoverWorkDone = true;
          rt.announceTakeover('HB_R_BOTHSTARTING');
          break;
        default:
          rt.log.error(`Received 'starting' message in state ${rt.state}`);
          return;
      }
      rt.otherIsStable = false;
      if (rt.takeoverInProgress) rt.log.warn('T_STARTING received during takeover.');
      rt.sendResourcesHeld(rt.state === 'stable');
    }

    if (type === 'resource') {
      const held = msg.get('rsc_hold');
      if (held === undefined) {
        rt.log.error('resource message without rsc_hold field.');
        return;
      }
      let n = parseResourceSet(held);
      if (n === undefined) {
        rt.log.error(`encode_resources: bad resource type [${held}]`);
        n = R.none;
      }
      const full = msg.get('rtype') === 'full';
      switch (rt.state) {
        case 'bothstarting':
        case 'starting':
          next = 'rscrcvd';
          if (!rt.auto) {
            rt.foreignTakeoverWorkDone = true;
            rt.announceTakeover('T_RESOURCES');
          }
          break;
        case 'rscrcvd':
        case 'stable':
        case 'shutdown':
          break;
        default:
          rt.log.error(`resource message received in state ${rt.state}`);
          return;
      }
      if (!fromSelf) {
        rt.otherHolds = updateHeld(full, rt.otherHolds, n);
        const stable = msg.get('isstable');
        if (stable === '1') {
          if (!rt.otherIsStable) {
            rt.log.info('remote resource transition completed.');
            rt.otherIsStable = true;
            rt.sendResourcesHeld(rt.state === 'stable');
            this.standby.performAutoFailback();
          }
        } else if (stable !== undefined) {
          rt.otherIsStable = false;
        }
        if (rt.state !== 'stable' && rt.state !== 'shutdown' && rt.otherIsStable) {
          rt.log.info('remote resource transition completed.');
          this.takeover.reqOurResources(false);
          next = 'stable';
          rt.sendResourcesHeld(true);
          this.standby.performAutoFailback();
          rt.foreignTakeoverWorkDone = true;
          if (!rt.auto && (rt.otherHolds & R.foreign) !== 0) rt.localTakeoverWorkDone = true;
          rt.announceTakeover('T_RESOURCES(them)');
        }
      } else {
        rt.iHold = updateHeld(full, rt.iHold, n);
        if ((rt.iHold & R.local) !== 0) {
          // Slightly premature, as in heartbeat: without local groups no ip-request-resp ever comes.
          rt.localTakeoverWorkDone = true;
          rt.announceTakeover('T_RESOURCES(us)');
        }
        const info = msg.get('info');
        if (info === 'mach_down') {
          rt.log.info('mach_down takeover complete.');
          rt.takeoverInProgress = false;
          rt.iHold |= R.foreign;
          rt.rscNeedsFailback = true;
          rt.otherIsStable = true;
          rt.foreignTakeoverWorkDone = true;
          rt.announceTakeover('mach_down');
        } else if (info === 'shutdown') {
          rt.state = next = 'shutdown';
        }
      }
    }

    if (type === 'shutdone') {
      if (!fromSelf) {
        rt.otherIsStable = true;
        rt.otherHolds = R.none;
        if (rt.iHold !== R.all && !rt.shutdownInProgress) {
          const take = rt.iHold === R.foreign ? R.local : rt.iHold === R.local ? R.foreign : R.all;
          rt.goingStandby = 'done';
          this.standby.goStandby('other', take);
        }
      } else {
        rt.state = next = 'shutdown';
        rt.iHold = R.none;
      }
    }

    rt.state = next;
    if (rt.state === 'rscrcvd' && rt.localTakeoverTime === 0) {
      rt.localTakeoverTime = rt.options.clock.now() + RQST_DELAY_MS;
      rt.later(RQST_DELAY_MS + 1, () => this.checkLocalTakeoverTime());
    }
    this.auditResources();
    this.release.shutdownIfNeeded();
  }

  /** The deadlock breaker: nobody became stable within RQSTDELAY, so take our own groups. */
  private checkLocalTakeoverTime(): void {
    const { rt } = this;
    if (!rt.nice || rt.state !== 'rscrcvd' || rt.options.clock.now() <= rt.localTakeoverTime) return;
    rt.state = 'stable';
    this.takeover.reqOurResources(false);
    rt.log.info('local resource transition completed.');
    rt.sendResourcesHeld(true);
    this.auditResources();
  }

  /** AuditResources: log what both sides claim when it cannot be right. */
  private auditResources(): void {
    const { rt } = this;
    if (!rt.nice) return;
    if ((rt.iHold & R.local) !== 0 && (rt.otherHolds & R.foreign) !== 0) rt.log.error('Both machines own our resources!');
    if ((rt.otherHolds & R.local) !== 0 && (rt.iHold & R.foreign) !== 0) rt.log.error('Both machines own foreign resources!');
    if (rt.isStable() && !rt.shutdownInProgress && rt.state !== 'shutdown') {
      // heartbeat also reports sets that hold no group at all (an empty haresources, a peer
      // stopped during start-up); only a group nobody runs is worth an error.
      const groups = rt.options.groups;
      const anyLocal = groups.some((g) => rt.isLocal(g));
      const anyForeign = groups.some((g) => !rt.isLocal(g));
      if (anyLocal && (rt.iHold & R.local) === 0 && (rt.otherHolds & R.foreign) === 0) rt.log.error('No one owns our local resources!');
      if (anyForeign && (rt.otherHolds & R.local) === 0 && (rt.iHold & R.foreign) === 0) rt.log.error('No one owns foreign resources!');
    }
  }
}

/** HB_UPD_RSC: a full update replaces; a partial one adds, except that `none` clears. */
function updateHeld(full: boolean, current: number, update: number): number {
  if (full) return update;
  return update === R.none ? R.none : update | current;
}
