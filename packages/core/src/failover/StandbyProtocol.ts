import type { Timer } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { GroupTaker } from './GroupTaker.js';
import type { ResourceJobs } from './ResourceJobs.js';
import type { ResourceRelease } from './ResourceRelease.js';
import { ResourceSet as R, parseResourceSet, resourceSetName } from './ResourceSet.js';
import type { StandbyState } from './StandbyState.js';

/** STANDBY_INIT_TO_MS: how long a standby request waits for the peer's first answer. */
const STANDBY_REPLY_TIMEOUT_MS = 10_000;
/** HB_STANDBY_RSC_TO_MS: how long a standby may take once both sides agreed. */
const STANDBY_RESOURCE_TIMEOUT_MS = 3_600_000;
const AUTO_FAILBACK_RETRY_MS = 1000;

/**
 * The three-phase standby (`ask_resources` me / other / done) under nice_failback, its timer,
 * the go_standby child that moves the groups, and auto-failback, which is a standby for our
 * foreign groups once both sides are stable.
 */
export class StandbyProtocol {
  private standbyTimer: Timer | undefined;

  constructor(
    private readonly rt: FailoverRuntime,
    private readonly jobs: ResourceJobs,
    private readonly release: ResourceRelease,
    private readonly taker: GroupTaker,
  ) {}

  /** Stops the standby timer: the node halted. */
  close(): void {
    this.standbyTimer?.cancel();
  }

  /** ask_for_resources: the three-phase standby protocol. */
  askForResources(msg: HaMessage, from: string, fromSelf: boolean): void {
    const { rt } = this;
    if (!rt.nice) {
      rt.log.info('Standby mode only implemented when nice_failback on');
      return;
    }
    if (rt.state === 'shutdown') return;
    const info = msg.get('info');
    const rsctype = msg.get('rsc_hold');
    let rtype: number = R.all;
    if (rsctype !== undefined) {
      const parsed = parseResourceSet(rsctype);
      if (parsed === undefined) rt.log.error(`encode_resources: bad resource type [${rsctype}]`);
      rtype = parsed ?? R.none;
    }
    if (info === undefined) {
      rt.log.error('Received standby message without info/from');
      return;
    }
    const now = rt.options.clock.now();
    const original = rt.goingStandby;
    let ignored = false;

    if (rt.standbyRunning !== 0 && now < rt.standbyRunning && info.toLowerCase() === 'me') {
      const secondsLeft = Math.ceil((rt.standbyRunning - now) / 1000);
      rt.log.warn(`Standby in progress- new request from ${from} ignored [${secondsLeft} seconds left]`);
      return;
    }

    switch (rt.goingStandby) {
      case 'not':
        if (!rt.otherIsStable) {
          rt.log.warn(`standby message [${info}] from ${from} ignored.  Other side is in flux.`);
          return;
        }
        if (rt.state !== 'stable') {
          rt.log.warn(`standby message [${info}] from ${from} ignored.  local resources in flux.`);
          return;
        }
        rt.standbyRsctype = rtype;
        if (info.toLowerCase() === 'me') {
          rt.otherIsStable = false;
          rt.log.info(`${from} wants to go standby [${resourceSetName(rtype)}]`);
          if (fromSelf) {
            this.setStandbyRunning(now + STANDBY_REPLY_TIMEOUT_MS);
            rt.goingStandby = 'me';
          } else {
            rt.goingStandby = 'other';
            rt.post(M.askResources(rt.standbyRsctype, 'other'));
            this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          }
        } else {
          ignored = true;
        }
        break;
      case 'me':
        if (!fromSelf) {
          rt.standbyRsctype = rtype;
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          if (info.toLowerCase() === 'other') {
            rt.log.info(`standby: ${from} can take our ${resourceSetName(rtype)} resources`);
            this.goStandby('me', rtype);
          } else {
            ignored = true;
          }
        } else if (info.toLowerCase() === 'done') {
          rt.log.info(`Local standby process completed [${resourceSetName(rtype)}].`);
          rt.goingStandby = 'done';
          rt.iHold &= ~rt.standbyRsctype;
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
        } else {
          ignored = true;
        }
        break;
      case 'other':
        rt.standbyRsctype = rtype;
        if (info.toLowerCase() === 'done') {
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          if (!fromSelf) {
            rt.log.info(`standby: acquire [${resourceSetName(rtype)}] resources from ${from}`);
            this.goStandby('other', rt.standbyRsctype);
            rt.goingStandby = 'done';
          } else {
            ignored = true;
          }
        } else if (!fromSelf || info.toLowerCase() !== 'other') {
          ignored = true;
        }
        break;
      case 'done':
        rt.standbyRsctype = rtype;
        if (info === 'done') {
          this.setStandbyRunning(0);
          rt.goingStandby = 'not';
          if (fromSelf) {
            rt.log.info(`Standby resource acquisition done [${resourceSetName(rtype)}].`);
            if (rt.auto) {
              rt.localTakeoverWorkDone = true;
              rt.announceTakeover('auto_failback');
            }
            rt.iHold |= rtype === R.local ? R.foreign : rtype === R.foreign ? R.local : rtype === R.all ? R.all : R.none;
          } else {
            rt.log.info(`Other node completed standby takeover of ${resourceSetName(rtype)} resources.`);
          }
          rt.sendResourcesHeld(true);
          rt.goingStandby = 'not';
        } else {
          ignored = true;
        }
        break;
    }
    if (ignored) rt.log.error(`Ignored standby message '${info}' from ${from} in state ${standbyStateNumber(original)}`);
    this.release.shutdownIfNeeded();
  }

  /** go_standby: give up (ME) or acquire (OTHER) a set of groups, then say `done`. */
  goStandby(who: 'me' | 'other', resourceSet: number): void {
    const { rt } = this;
    if (who === 'me') {
      rt.otherIsStable = false;
      rt.iHold &= ~resourceSet;
      rt.sendResourcesHeld(false, 'standby');
    }
    const acquire = who === 'other';
    const act =
      resourceSet === R.all ? R.all : resourceSet === R.foreign ? (acquire ? R.local : R.foreign) : resourceSet === R.local ? (acquire ? R.foreign : R.local) : undefined;
    if (act === undefined) {
      rt.log.error(`no resources to ${acquire ? 'acquire' : 'give up'}`);
      return;
    }
    const rsctype = rt.standbyRsctype;
    this.jobs.spawn('go_standby', async () => {
      const groups = rt.options.groups.filter((g) => act === R.all || (act === R.local) === rt.isLocal(g));
      rt.log.info(`${acquire ? 'acquire' : 'give up'} ${resourceSetName(act)} HA resources (standby).`);
      for (const group of groups) {
        if (acquire) await this.taker.take(group);
        else await rt.giveGroup(group);
      }
      rt.log.info(`${resourceSetName(act)} HA resource ${acquire ? 'acquisition' : 'release'} completed (standby).`);
      rt.post(M.askResources(rsctype, 'done'));
    });
  }

  /** PerformAutoFailback: give the returning owner its groups back once both sides are stable. */
  performAutoFailback(): void {
    const { rt } = this;
    if (rt.shutdownInProgress || rt.restartExpected || (rt.iHold & R.foreign) === 0 || !rt.rscNeedsFailback || !rt.auto) {
      rt.rscNeedsFailback = false;
      this.release.shutdownIfNeeded();
      return;
    }
    if (rt.goingStandby !== 'not' || !rt.otherIsStable || rt.state !== 'stable') {
      rt.log.debug('Auto failback delayed.');
      rt.later(AUTO_FAILBACK_RETRY_MS, () => this.performAutoFailback());
      return;
    }
    rt.standbyRsctype = R.foreign;
    rt.post(M.askResources(rt.standbyRsctype, 'me'));
    rt.rscNeedsFailback = false;
  }

  /** hb_rsc_recover_dead_resources' first step: a standby cannot finish with a dead peer. */
  cancelPendingStandby(): void {
    const { rt } = this;
    if (rt.goingStandby === 'not') return;
    rt.log.info('Cancelling pending standby operation');
    rt.goingStandby = 'not';
    this.setStandbyRunning(0);
    if (!rt.otherIsStable && (rt.iHold & R.all) === R.all) rt.otherIsStable = true;
    this.release.shutdownIfNeeded();
  }

  private setStandbyRunning(until: number): void {
    const { rt } = this;
    rt.standbyRunning = until;
    this.standbyTimer?.cancel();
    this.standbyTimer = undefined;
    if (until === 0 || rt.closed) return;
    this.standbyTimer = rt.options.clock.setTimeout(() => {
      rt.run(() => {
        if (rt.standbyRunning === 0 || rt.options.clock.now() < rt.standbyRunning) return;
        rt.standbyRunning = 0;
        rt.otherIsStable = true;
        rt.goingStandby = 'not';
        rt.log.warn('No reply to standby request.  Standby request cancelled.');
        this.release.shutdownIfNeeded();
      });
    }, until - rt.options.clock.now());
  }
}

/** heartbeat logs the standby state as its enum number. */
function standbyStateNumber(state: StandbyState): number {
  return ['not', 'me', 'other', 'done'].indexOf(state);
}
