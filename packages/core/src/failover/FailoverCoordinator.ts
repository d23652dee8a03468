import type { AutoFailback } from '../config/HaCf.js';
import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { Logger } from '../log/Logger.js';
import type { MembershipEvent } from '../membership/MembershipEvent.js';
import type { NodeType } from '../membership/NodeType.js';
import type { GroupOutcome } from '../resources/GroupOutcome.js';
import type { Clock, Timer } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverStatus } from './FailoverStatus.js';
import { failoverMessages as M } from './failoverMessages.js';
import { ResourceSet as R, parseResourceSet, resourceSetName, type ResourceSetName } from './ResourceSet.js';

/** hb_resource.c's resourcestate. */
type RscState = 'init' | 'starting' | 'bothstarting' | 'rscrcvd' | 'stable' | 'shutdown';
/** hb_resource.c's going_standby. */
type Standby = 'not' | 'me' | 'other' | 'done';

/** Group operations, done by the activator (one at a time per resource). */
export interface GroupOperations {
  takeGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  giveGroup(group: HaResourceGroup): Promise<GroupOutcome>;
  /** ResourceManager `status <key>`: whether the group's first resource runs here. */
  isRunning(group: HaResourceGroup): Promise<boolean>;
}

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
  readonly nodes: () => ReadonlyArray<{ readonly name: string; readonly status: string; readonly type: NodeType; readonly anyPacketsYet: boolean }>;
  readonly localStatus: () => string;
}

/** heartbeat's RQSTDELAY: how long both nodes wait for the other to become stable before taking their own groups. */
const RQST_DELAY_MS = 10_000;
/** STANDBY_INIT_TO_MS: how long a standby request waits for the peer's first answer. */
const STANDBY_REPLY_TIMEOUT_MS = 10_000;
/** HB_STANDBY_RSC_TO_MS: how long a standby may take once both sides agreed. */
const STANDBY_RESOURCE_TIMEOUT_MS = 3_600_000;
/** ResourceManager runs hb_standby this long after a group failed to start. */
const STANDBY_AFTER_FAILURE_MS = 30_000;
const AUTO_FAILBACK_RETRY_MS = 1000;
/**
 * How long a shutdown waits for resource activity to settle. heartbeat waits for ever (its
 * emergency stop comes after 60 minutes); an admin stopping a node expects it to stop.
 */
const SHUTDOWN_SETTLE_MS = 60_000;

interface RemoteRequest {
  readonly name: string;
  readonly work: () => Promise<void>;
}

/**
 * heartbeat 3.0.6's resource negotiation (hb_resource.c with the ResourceManager, req_resource,
 * mach_down and rc.d scripts it runs), message for message: `starting` / `resource` at comm-up
 * under nice_failback (auto_failback on|off), `ip-request` in legacy mode, takeover of a dead
 * node's groups, the three-phase standby (`ask_resources`), auto-failback, `hb_takeover`, and the
 * graceful release on shutdown. Written for two nodes, as heartbeat's is.
 *
 * Work that heartbeat forks ("children": req_our_resources, go_standby, giving up, and the queued
 * remote requests) runs as async jobs; the child count gates stability and the queue exactly as
 * ResourceMgmt_child_count does. Events are handled one at a time: our own messages loop back
 * through `handle` and are processed after the handler that sent them.
 */
export class FailoverCoordinator {
  private readonly nice: boolean;
  private readonly auto: boolean;
  private readonly log: Logger;

  private state: RscState = 'init';
  private iHold: number = R.none;
  private otherHolds: number = R.none;
  private otherIsStable = false;
  private takeoverInProgress = false;
  private goingStandby: Standby = 'not';
  /** Monotonic ms until which a standby runs; 0 when none does. */
  private standbyRunning = 0;
  private standbyTimer: Timer | undefined;
  private standbyRsctype: number = R.all;
  private rscNeedsFailback = false;
  private rscNeedsShutdown = false;
  private shutdownInProgress = false;
  private resourceShutdownInProgress = false;
  private shutdownForced = false;
  private localTakeoverWorkDone = false;
  private foreignTakeoverWorkDone = false;
  private initTakeoverAnnounced = false;
  private localTakeoverTime = 0;
  private resourcesRequestedYet = false;
  private commUp = false;
  /** heartbeat's per-node has_resources (legacy mode's STONITH decision). */
  private readonly gaveUpResources = new Set<string>();
  private readonly failedGroups = new Map<string, string>();

  private childCount = 0;
  private readonly remoteQueue: RemoteRequest[] = [];
  private readonly pending: Array<() => void> = [];
  private handling = false;
  private released: { promise: Promise<void>; resolve: () => void } | undefined;
  private closed = false;
  private readonly timers = new Set<Timer>();

  constructor(private readonly options: FailoverCoordinatorOptions) {
    this.nice = options.autoFailback !== 'legacy';
    this.auto = options.autoFailback === 'on';
    this.log = options.logger;
  }

  /** Feed every membership event here. */
  handle(event: MembershipEvent): void {
    this.run(() => {
      switch (event.kind) {
        case 'comm-up':
          this.commUpResourceAction();
          break;
        case 'node-dead':
          this.recoverDeadResources(event.node, event.heardFrom);
          this.shutdownIfNeeded();
          break;
        case 'node-restart':
          this.gaveUpResources.delete(event.node);
          break;
        case 'message':
          this.onMessage(event.from, event.fromSelf, event.message);
          break;
        default:
          break;
      }
    });
  }

  /**
   * `hb_standby [all|local|foreign|failback]`: ask the peer to take over a set of our resources.
   * Returns why it cannot be done now, or undefined when the request went out.
   */
  requestStandby(set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    const resources: ResourceSetName = set === 'failback' ? 'foreign' : set;
    const refusal = this.standbyRefusal();
    if (refusal !== undefined) return refusal;
    this.run(() => {
      this.log.info(`Going standby [${resources}].`);
      this.post(M.askResources(parseResourceSet(resources) ?? R.all, 'me'));
    });
    return undefined;
  }

  /** `hb_takeover [all|local|foreign|failback]`: ask the peer to go standby for what we take. */
  requestTakeover(set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    const refusal = this.standbyRefusal();
    if (refusal !== undefined) return refusal;
    this.run(() => this.post(M.hbTakeover(set)));
    return undefined;
  }

  /**
   * The resource part of a graceful shutdown (hb_giveup_resources): once resource activity is
   * stable, tell the peer we hold nothing, then release every group right to left.
   */
  releaseAll(): Promise<void> {
    if (this.released === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.released = { promise, resolve };
      this.run(() => this.giveUpResources());
    }
    return this.released.promise;
  }

  /** Stops every timer: the node halted (crash, test end). Running jobs finish on their own. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.standbyTimer?.cancel();
  }

  status(): FailoverStatus {
    return {
      mode: this.options.autoFailback,
      state: this.state,
      stable: this.isStable(),
      resourceState: this.isStable() ? resourceSetName(this.iHold) : 'transition',
      held: resourceSetName(this.iHold),
      peerHolds: resourceSetName(this.otherHolds),
      peerStable: this.otherIsStable,
      standby: this.goingStandby,
      groups: this.options.groups.map((g) => {
        const failure = this.failedGroups.get(g.key);
        return {
          key: g.key,
          node: g.node,
          line: g.line,
          owner: this.isLocal(g) ? 'local' : 'foreign',
          heldHere: (this.iHold & (this.isLocal(g) ? R.local : R.foreign)) !== 0,
          ...(failure === undefined ? {} : { failure }),
        };
      }),
    };
  }

  // --- events -------------------------------------------------------------------------------

  private onMessage(from: string, fromSelf: boolean, msg: HaMessage): void {
    const type = msg.get('t');
    if (type === 'shutdone') {
      this.onShutdone(from, fromSelf, msg);
      return;
    }
    // heartbeat registers the resource handlers at comm-up: earlier messages are not theirs.
    if (!this.commUp || type === undefined) return;
    switch (type) {
      case 'starting':
      case 'resource':
        this.processResources(type, msg, fromSelf);
        break;
      case 'ask_resources':
        this.askForResources(msg, from, fromSelf);
        break;
      case 'ip-request':
        if (!fromSelf) this.queueRemote(type, () => this.answerIpRequest(from, msg));
        break;
      case 'ip-request-resp':
        this.queueRemote(type, () => this.takeRequestedGroup(msg));
        break;
      case 'hb_takeover':
        if (!fromSelf) this.queueRemote(type, () => this.standbyForPeer(msg));
        break;
      default:
        break;
    }
  }

  private onShutdone(from: string, fromSelf: boolean, msg: HaMessage): void {
    if (this.commUp) this.processResources('shutdone', msg, fromSelf);
    if (fromSelf) return;
    this.gaveUpResources.add(from);
    this.otherIsStable = false;
    this.otherHolds = R.none;
    this.log.info(`Received shutdown notice from '${from}'.`);
    this.takeoverFromNode(from);
  }

  private commUpResourceAction(): void {
    this.commUp = true;
    if (this.deadCount() === 0) this.foreignTakeoverWorkDone = true;
    if (this.nice) {
      this.post(M.starting());
      this.state = 'starting';
    } else if (!this.resourcesRequestedYet) {
      this.resourcesRequestedYet = true;
      this.reqOurResources(false);
    }
  }

  /** process_resources: `starting`, `resource` and `shutdone` under nice_failback. */
  private processResources(type: 'starting' | 'resource' | 'shutdone', msg: HaMessage, fromSelf: boolean): void {
    this.shutdownIfNeeded();
    if (!this.nice) return;
    let next = this.state;

    if (type === 'starting' && !fromSelf) {
      switch (this.state) {
        case 'rscrcvd':
        case 'stable':
        case 'shutdown':
          break;
        case 'starting':
          next = 'bothstarting';
          this.foreignTakeoverWorkDone = true;
          this.announceTakeover('HB_R_BOTHSTARTING');
          break;
        default:
          this.log.error(`Received 'starting' message in state ${this.state}`);
          return;
      }
      this.otherIsStable = false;
      if (this.takeoverInProgress) this.log.warn('T_STARTING received during takeover.');
      this.sendResourcesHeld(this.state === 'stable');
    }

    if (type === 'resource') {
      const held = msg.get('rsc_hold');
      if (held === undefined) {
        this.log.error('resource message without rsc_hold field.');
        return;
      }
      let n = parseResourceSet(held);
      if (n === undefined) {
        this.log.error(`encode_resources: bad resource type [${held}]`);
        n = R.none;
      }
      const full = msg.get('rtype') === 'full';
      switch (this.state) {
        case 'bothstarting':
        case 'starting':
          next = 'rscrcvd';
          if (!this.auto) {
            this.foreignTakeoverWorkDone = true;
            this.announceTakeover('T_RESOURCES');
          }
          break;
        case 'rscrcvd':
        case 'stable':
        case 'shutdown':
          break;
        default:
          this.log.error(`resource message received in state ${this.state}`);
          return;
      }
      if (!fromSelf) {
        this.otherHolds = updateHeld(full, this.otherHolds, n);
        const stable = msg.get('isstable');
        if (stable === '1') {
          if (!this.otherIsStable) {
            this.log.info('remote resource transition completed.');
            this.otherIsStable = true;
            this.sendResourcesHeld(this.state === 'stable');
            this.performAutoFailback();
          }
        } else if (stable !== undefined) {
          this.otherIsStable = false;
        }
        if (this.state !== 'stable' && this.state !== 'shutdown' && this.otherIsStable) {
          this.log.info('remote resource transition completed.');
          this.reqOurResources(false);
          next = 'stable';
          this.sendResourcesHeld(true);
          this.performAutoFailback();
          this.foreignTakeoverWorkDone = true;
          if (!this.auto && (this.otherHolds & R.foreign) !== 0) this.localTakeoverWorkDone = true;
          this.announceTakeover('T_RESOURCES(them)');
        }
      } else {
        this.iHold = updateHeld(full, this.iHold, n);
        if ((this.iHold & R.local) !== 0) {
          // Slightly premature, as in heartbeat: without local groups no ip-request-resp ever comes.
          this.localTakeoverWorkDone = true;
          this.announceTakeover('T_RESOURCES(us)');
        }
        const info = msg.get('info');
        if (info === 'mach_down') {
          this.log.info('mach_down takeover complete.');
          this.takeoverInProgress = false;
          this.iHold |= R.foreign;
          this.rscNeedsFailback = true;
          this.otherIsStable = true;
          this.foreignTakeoverWorkDone = true;
          this.announceTakeover('mach_down');
        } else if (info === 'shutdown') {
          this.state = next = 'shutdown';
        }
      }
    }

    if (type === 'shutdone') {
      if (!fromSelf) {
        this.otherIsStable = true;
        this.otherHolds = R.none;
        if (this.iHold !== R.all && !this.shutdownInProgress) {
          const take = this.iHold === R.foreign ? R.local : this.iHold === R.local ? R.foreign : R.all;
          this.goingStandby = 'done';
          this.goStandby('other', take);
        }
      } else {
        this.state = next = 'shutdown';
        this.iHold = R.none;
      }
    }

    this.state = next;
    if (this.state === 'rscrcvd' && this.localTakeoverTime === 0) {
      this.localTakeoverTime = this.options.clock.now() + RQST_DELAY_MS;
      this.later(RQST_DELAY_MS + 1, () => this.checkLocalTakeoverTime());
    }
    this.auditResources();
    this.shutdownIfNeeded();
  }

  /** The deadlock breaker: nobody became stable within RQSTDELAY, so take our own groups. */
  private checkLocalTakeoverTime(): void {
    if (!this.nice || this.state !== 'rscrcvd' || this.options.clock.now() <= this.localTakeoverTime) return;
    this.state = 'stable';
    this.reqOurResources(false);
    this.log.info('local resource transition completed.');
    this.sendResourcesHeld(true);
    this.auditResources();
  }

  /** ask_for_resources: the three-phase standby protocol. */
  private askForResources(msg: HaMessage, from: string, fromSelf: boolean): void {
    if (!this.nice) {
      this.log.info('Standby mode only implemented when nice_failback on');
      return;
    }
    if (this.state === 'shutdown') return;
    const info = msg.get('info');
    const rsctype = msg.get('rsc_hold');
    let rtype: number = R.all;
    if (rsctype !== undefined) {
      const parsed = parseResourceSet(rsctype);
      if (parsed === undefined) this.log.error(`encode_resources: bad resource type [${rsctype}]`);
      rtype = parsed ?? R.none;
    }
    if (info === undefined) {
      this.log.error('Received standby message without info/from');
      return;
    }
    const now = this.options.clock.now();
    const original = this.goingStandby;
    let ignored = false;

    if (this.standbyRunning !== 0 && now < this.standbyRunning && info.toLowerCase() === 'me') {
      const secondsLeft = Math.ceil((this.standbyRunning - now) / 1000);
      this.log.warn(`Standby in progress- new request from ${from} ignored [${secondsLeft} seconds left]`);
      return;
    }

    switch (this.goingStandby) {
      case 'not':
        if (!this.otherIsStable) {
          this.log.warn(`standby message [${info}] from ${from} ignored.  Other side is in flux.`);
          return;
        }
        if (this.state !== 'stable') {
          this.log.warn(`standby message [${info}] from ${from} ignored.  local resources in flux.`);
          return;
        }
        this.standbyRsctype = rtype;
        if (info.toLowerCase() === 'me') {
          this.otherIsStable = false;
          this.log.info(`${from} wants to go standby [${resourceSetName(rtype)}]`);
          if (fromSelf) {
            this.setStandbyRunning(now + STANDBY_REPLY_TIMEOUT_MS);
            this.goingStandby = 'me';
          } else {
            this.goingStandby = 'other';
            this.post(M.askResources(this.standbyRsctype, 'other'));
            this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          }
        } else {
          ignored = true;
        }
        break;
      case 'me':
        if (!fromSelf) {
          this.standbyRsctype = rtype;
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          if (info.toLowerCase() === 'other') {
            this.log.info(`standby: ${from} can take our ${resourceSetName(rtype)} resources`);
            this.goStandby('me', rtype);
          } else {
            ignored = true;
          }
        } else if (info.toLowerCase() === 'done') {
          this.log.info(`Local standby process completed [${resourceSetName(rtype)}].`);
          this.goingStandby = 'done';
          this.iHold &= ~this.standbyRsctype;
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
        } else {
          ignored = true;
        }
        break;
      case 'other':
        this.standbyRsctype = rtype;
        if (info.toLowerCase() === 'done') {
          this.setStandbyRunning(now + STANDBY_RESOURCE_TIMEOUT_MS);
          if (!fromSelf) {
            this.log.info(`standby: acquire [${resourceSetName(rtype)}] resources from ${from}`);
            this.goStandby('other', this.standbyRsctype);
            this.goingStandby = 'done';
          } else {
            ignored = true;
          }
        } else if (!fromSelf || info.toLowerCase() !== 'other') {
          ignored = true;
        }
        break;
      case 'done':
        this.standbyRsctype = rtype;
        if (info === 'done') {
          this.setStandbyRunning(0);
          this.goingStandby = 'not';
          if (fromSelf) {
            this.log.info(`Standby resource acquisition done [${resourceSetName(rtype)}].`);
            if (this.auto) {
              this.localTakeoverWorkDone = true;
              this.announceTakeover('auto_failback');
            }
            this.iHold |= rtype === R.local ? R.foreign : rtype === R.foreign ? R.local : rtype === R.all ? R.all : R.none;
          } else {
            this.log.info(`Other node completed standby takeover of ${resourceSetName(rtype)} resources.`);
          }
          this.sendResourcesHeld(true);
          this.goingStandby = 'not';
        } else {
          ignored = true;
        }
        break;
    }
    if (ignored) this.log.error(`Ignored standby message '${info}' from ${from} in state ${standbyStateNumber(original)}`);
    this.shutdownIfNeeded();
  }

  /** hb_rsc_recover_dead_resources: a peer was declared dead. */
  private recoverDeadResources(node: string, heardFrom: boolean): void {
    if (this.goingStandby !== 'not') {
      this.log.info('Cancelling pending standby operation');
      this.goingStandby = 'not';
      this.setStandbyRunning(0);
      if (!this.otherIsStable && (this.iHold & R.all) === R.all) this.otherIsStable = true;
      this.shutdownIfNeeded();
    }
    if (this.shutdownInProgress) {
      if (this.state === 'shutdown' || this.state === 'stable') return;
      this.giveUpResources();
      return;
    }
    this.rscNeedsFailback = true;
    // Without a word from it since its last death it may hold anything.
    let needStonith = true;
    if (heardFrom) {
      if (this.nice) needStonith = this.otherHolds !== R.none;
      else needStonith = !this.gaveUpResources.has(node);
    }
    if (needStonith) {
      this.post(M.stonith(node, 'n_stnth'));
      this.log.warn('No STONITH device configured.');
      this.log.warn('Shared disks are not protected.');
      this.takeoverFromNode(node);
      return;
    }
    this.log.info(`Dead node ${node} gave up resources.`);
    this.post(M.stonith(node, 'unneeded'));
    if (!this.nice) {
      this.takeoverFromNode(node);
      return;
    }
    if ((this.iHold & R.all) === R.all) {
      this.otherIsStable = true;
      return;
    }
    if ((this.iHold & R.local) === 0) this.reqOurResources(true);
    if ((this.iHold & R.foreign) === 0) this.takeoverFromNode(node);
  }

  /** takeover_from_node: mach_down for the node's groups, then our own groups if needed. */
  private takeoverFromNode(node: string): void {
    if (this.shutdownInProgress) {
      this.log.info('Resource takeover cancelled - shutdown in progress.');
      this.shutdownIfNeeded();
      return;
    }
    this.log.info(`Resources being acquired from ${node}.`);
    this.queueRemote('status', () => this.machDown(node));
    if (this.nice) {
      this.iHold |= R.foreign;
      this.otherHolds = R.none;
      this.otherIsStable = true;
      this.takeoverInProgress = true;
    }
    this.reqOurResources(true);
  }

  /** req_our_resources: ask for (or, alone or under nice_failback, just take) our own groups. */
  private reqOurResources(getThemAnyway: boolean): void {
    if (this.shutdownInProgress) return;
    if (this.nice) {
      const someoneHolds = (this.otherHolds & R.foreign) !== 0 || (this.iHold & R.local) !== 0;
      if (someoneHolds && !getThemAnyway && this.goingStandby === 'not') {
        this.log.info('Local Resource acquisition completed. (none)');
        return;
      }
      this.iHold |= R.local;
    }
    // heartbeat counts `active` nodes only, so a peer whose first packet was not its status looks
    // absent and legacy mode takes groups it still runs; a peer we heard from counts as up here.
    const us = this.options.nodeName;
    let upcount = this.options
      .nodes()
      .filter((n) => n.type === 'normal' && n.status !== 'dead' && (n.status === 'active' || (n.name !== us && n.anyPacketsYet))).length;
    if (this.options.localStatus() !== 'active') upcount++;
    const dontAsk = upcount < 2 || this.nice;
    this.spawn(upcount < 2 ? 'req_our_resources' : 'req_our_resources(ask)', async () => {
      const ours = this.groupsOf(us);
      for (const group of ours) {
        if (await this.options.operations.isRunning(group)) continue;
        this.post(dontAsk ? M.ipRequestResp(us, group.key, true) : M.ipRequest(group.key));
      }
      if (ours.length === 0) this.log.info(`No local resources [ResourceManager listkeys ${us}] to acquire.`);
      else this.log.info('Local Resource acquisition completed.');
      this.sendResourcesHeld(true, 'req_our_resources()');
    });
  }

  /** PerformAutoFailback: give the returning owner its groups back once both sides are stable. */
  private performAutoFailback(): void {
    if (this.shutdownInProgress || (this.iHold & R.foreign) === 0 || !this.rscNeedsFailback || !this.auto) {
      this.rscNeedsFailback = false;
      this.shutdownIfNeeded();
      return;
    }
    if (this.goingStandby !== 'not' || !this.otherIsStable || this.state !== 'stable') {
      this.log.debug('Auto failback delayed.');
      this.later(AUTO_FAILBACK_RETRY_MS, () => this.performAutoFailback());
      return;
    }
    this.standbyRsctype = R.foreign;
    this.post(M.askResources(this.standbyRsctype, 'me'));
    this.rscNeedsFailback = false;
  }

  /** hb_giveup_resources: release everything for a graceful shutdown. */
  private giveUpResources(): void {
    if (!this.isStable() && !this.shutdownForced) {
      if (!this.rscNeedsShutdown) {
        this.log.warn('Shutdown delayed until current resource activity finishes.');
        this.rscNeedsShutdown = true;
        this.later(SHUTDOWN_SETTLE_MS, () => {
          if (!this.rscNeedsShutdown) return;
          this.log.warn(`Resource activity did not settle within ${SHUTDOWN_SETTLE_MS / 1000} s; giving up resources anyway.`);
          this.shutdownForced = true;
          this.giveUpResources();
        });
      }
      return;
    }
    this.rscNeedsShutdown = false;
    this.shutdownInProgress = true;
    if (this.resourceShutdownInProgress) {
      this.log.info('Heartbeat shutdown already underway.');
      return;
    }
    this.resourceShutdownInProgress = true;
    this.iHold = R.none;
    this.state = 'shutdown';
    this.sendResourcesHeld(false, 'shutdown');
    this.spawn('hb_giveup_resources', async () => {
      this.log.info('Giving up all HA resources.');
      for (const group of this.options.groups) await this.options.operations.giveGroup(group);
      this.log.info('All HA resources relinquished.');
      this.released?.resolve();
    });
  }

  private shutdownIfNeeded(): void {
    if (this.rscNeedsShutdown) this.giveUpResources();
  }

  // --- children: the work heartbeat forks ----------------------------------------------------

  /** go_standby: give up (ME) or acquire (OTHER) a set of groups, then say `done`. */
  private goStandby(who: 'me' | 'other', resourceSet: number): void {
    if (who === 'me') {
      this.otherIsStable = false;
      this.iHold &= ~resourceSet;
      this.sendResourcesHeld(false, 'standby');
    }
    const acquire = who === 'other';
    const act =
      resourceSet === R.all ? R.all : resourceSet === R.foreign ? (acquire ? R.local : R.foreign) : resourceSet === R.local ? (acquire ? R.foreign : R.local) : undefined;
    if (act === undefined) {
      this.log.error(`no resources to ${acquire ? 'acquire' : 'give up'}`);
      return;
    }
    const rsctype = this.standbyRsctype;
    this.spawn('go_standby', async () => {
      const groups = this.options.groups.filter((g) => act === R.all || (act === R.local) === this.isLocal(g));
      this.log.info(`${acquire ? 'acquire' : 'give up'} ${resourceSetName(act)} HA resources (standby).`);
      for (const group of groups) {
        if (acquire) await this.take(group);
        else await this.options.operations.giveGroup(group);
      }
      this.log.info(`${resourceSetName(act)} HA resource ${acquire ? 'acquisition' : 'release'} completed (standby).`);
      this.post(M.askResources(rsctype, 'done'));
    });
  }

  /** mach_down: take every group of the dead node. */
  private async machDown(node: string): Promise<void> {
    if (node === this.options.nodeName) return;
    for (const group of this.groupsOf(node)) {
      this.log.info(`Taking over resource group ${group.key}`);
      await this.take(group);
    }
    if (this.nice) {
      this.log.info('mach_down: nice_failback: foreign resources acquired');
      this.post(M.machDownDone());
    }
    this.log.info(`mach_down takeover complete for node ${node}.`);
  }

  /** rc.d/ip-request (legacy): give the group up if we run it, and say so. */
  private async answerIpRequest(from: string, msg: HaMessage): Promise<void> {
    const key = msg.get('ipaddr');
    if (key === undefined) return;
    const group = this.options.groups.find((g) => g.key === key);
    const weOwn = group !== undefined && (await this.options.operations.isRunning(group));
    if (group !== undefined && weOwn) await this.options.operations.giveGroup(group);
    this.post(M.ipRequestResp(from, key, weOwn));
  }

  /** rc.d/ip-request-resp: the group is ours to take. */
  private async takeRequestedGroup(msg: HaMessage): Promise<void> {
    const key = msg.get('ipaddr');
    if (msg.get('dest') !== this.options.nodeName || key === undefined) return;
    this.log.info(`received ip-request-resp ${key} ${msg.get('ok') ?? ''} ${msg.get('weown') ?? ''}`);
    const group = this.options.groups.find((g) => g.key === key);
    if (msg.get('ok') === 'OK' && group !== undefined) await this.take(group);
  }

  /** rc.d/hb_takeover: the peer wants our resources; go standby for the complementary set. */
  private standbyForPeer(msg: HaMessage): Promise<void> {
    const held = msg.get('rsc_hold');
    const set = held === 'all' ? 'all' : held === 'local' ? 'foreign' : held === 'foreign' ? 'local' : 'all';
    this.log.info(`Going standby [${set}].`);
    this.post(M.askResources(parseResourceSet(set) ?? R.all, 'me'));
    return Promise.resolve();
  }

  /** takegroup, and heartbeat's answer to a failed start: standby for that group 30 s later. */
  private async take(group: HaResourceGroup): Promise<void> {
    const outcome = await this.options.operations.takeGroup(group);
    if (outcome.ok) {
      this.failedGroups.delete(group.key);
      return;
    }
    this.failedGroups.set(group.key, `${outcome.operation} of ${outcome.resource} failed`);
    if (outcome.operation !== 'start') return;
    const set = this.isLocal(group) ? 'local' : 'foreign';
    this.log.info(`Standby [${set}] in ${STANDBY_AFTER_FAILURE_MS / 1000} s so that the peer can run group ${group.key}.`);
    this.later(STANDBY_AFTER_FAILURE_MS, () => {
      const refusal = this.standbyRefusal();
      if (refusal === undefined) this.requestStandby(set);
      else this.log.warn(`standby after the failure of group ${group.key} not sent: ${refusal}`);
    });
  }

  private spawn(name: string, work: () => Promise<void>): void {
    this.childCount++;
    void (async () => {
      try {
        await work();
      } catch (error) {
        this.log.error(`resource job ${name} failed: ${(error as Error).stack ?? String(error)}`);
      } finally {
        this.run(() => {
          this.childCount--;
          this.childDied(name);
        });
      }
    })();
  }

  /** RscMgmtProcessDied */
  private childDied(name: string): void {
    if (name === 'req_our_resources' || name === 'ip-request-resp') {
      this.localTakeoverWorkDone = true;
      this.announceTakeover(name);
    } else if (!this.nice && name === 'status' && this.deadCount() > 0) {
      this.foreignTakeoverWorkDone = true;
      this.announceTakeover(name);
    }
    this.startNextRemote();
    this.shutdownIfNeeded();
  }

  /** QueueRemoteRscReq: requests from the cluster run one at a time, after every other child. */
  private queueRemote(name: string, work: () => Promise<void>): void {
    this.remoteQueue.push({ name, work });
    this.startNextRemote();
  }

  private startNextRemote(): void {
    if (this.childCount !== 0) return;
    const next = this.remoteQueue.shift();
    if (next === undefined) {
      this.shutdownIfNeeded();
      return;
    }
    this.spawn(next.name, next.work);
  }

  // --- helpers --------------------------------------------------------------------------------

  private isStable(): boolean {
    if (!this.nice) return this.childCount === 0;
    if (this.shutdownInProgress && this.state === 'init') return true;
    // With every peer dead nothing can change their side any more: only our own work counts.
    // (heartbeat waits here for a peer that may be gone, up to its 60-minute emergency stop.)
    if (!this.anyPeerAlive()) return this.childCount === 0 && !this.takeoverInProgress;
    return (
      this.otherIsStable &&
      !this.takeoverInProgress &&
      this.goingStandby === 'not' &&
      this.standbyRunning === 0 &&
      this.childCount === 0 &&
      (this.state === 'stable' || this.state === 'shutdown' || this.state === 'init')
    );
  }

  private standbyRefusal(): string | undefined {
    if (!this.nice) return 'Standby mode only implemented when nice_failback on (auto_failback on or off in ha.cf)';
    if (!this.commUp) return 'communications are not up yet';
    const peers = this.options.nodes().filter((n) => n.type === 'normal' && n.name !== this.options.nodeName);
    if (!peers.some((n) => n.status === 'active')) return 'no active peer to take the resources';
    if (this.shutdownInProgress) return 'shutdown in progress';
    if (!this.isStable()) return 'resources are in transition; retry when ha status shows them stable';
    return undefined;
  }

  private sendResourcesHeld(stable: boolean, info?: string): void {
    if (this.nice) this.post(M.resourcesHeld(this.iHold, stable, info));
  }

  private announceTakeover(reason: string): void {
    if (this.initTakeoverAnnounced || !this.localTakeoverWorkDone || !this.foreignTakeoverWorkDone) return;
    this.log.info(`Initial resource acquisition complete (${reason})`);
    this.initTakeoverAnnounced = true;
  }

  private auditResources(): void {
    if (!this.nice) return;
    if ((this.iHold & R.local) !== 0 && (this.otherHolds & R.foreign) !== 0) this.log.error('Both machines own our resources!');
    if ((this.otherHolds & R.local) !== 0 && (this.iHold & R.foreign) !== 0) this.log.error('Both machines own foreign resources!');
    if (this.isStable() && !this.shutdownInProgress && this.state !== 'shutdown') {
      if ((this.iHold & R.local) === 0 && (this.otherHolds & R.foreign) === 0) this.log.error('No one owns our local resources!');
      if ((this.otherHolds & R.local) === 0 && (this.iHold & R.foreign) === 0) this.log.error('No one owns foreign resources!');
    }
  }

  private setStandbyRunning(until: number): void {
    this.standbyRunning = until;
    this.standbyTimer?.cancel();
    this.standbyTimer = undefined;
    if (until === 0 || this.closed) return;
    this.standbyTimer = this.options.clock.setTimeout(() => {
      this.run(() => {
        if (this.standbyRunning === 0 || this.options.clock.now() < this.standbyRunning) return;
        this.standbyRunning = 0;
        this.otherIsStable = true;
        this.goingStandby = 'not';
        this.log.warn('No reply to standby request.  Standby request cancelled.');
        this.shutdownIfNeeded();
      });
    }, until - this.options.clock.now());
  }

  private later(delayMs: number, fn: () => void): void {
    if (this.closed) return;
    const timer = this.options.clock.setTimeout(() => {
      this.timers.delete(timer);
      this.run(fn);
    }, delayMs);
    this.timers.add(timer);
  }

  private post(message: HaMessage): void {
    this.run(() => this.options.send(message));
  }

  /** Handlers run one at a time; what they trigger (our own messages looping back) runs after. */
  private run(fn: () => void): void {
    if (this.handling) {
      this.pending.push(fn);
      return;
    }
    this.handling = true;
    try {
      fn();
      for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) next();
    } finally {
      this.handling = false;
    }
  }

  private isLocal(group: HaResourceGroup): boolean {
    return group.node === this.options.nodeName.toLowerCase();
  }

  /** ResourceManager listkeys NODE (case-insensitive, as its grep -i). */
  private groupsOf(node: string): HaResourceGroup[] {
    return this.options.groups.filter((g) => g.node === node.toLowerCase());
  }

  private anyPeerAlive(): boolean {
    return this.options.nodes().some((n) => n.type === 'normal' && n.name !== this.options.nodeName && n.status !== 'dead');
  }

  private deadCount(): number {
    return this.options.nodes().filter((n) => n.type === 'normal' && n.status === 'dead').length;
  }
}

/** HB_UPD_RSC: a full update replaces; a partial one adds, except that `none` clears. */
function updateHeld(full: boolean, current: number, update: number): number {
  if (full) return update;
  return update === R.none ? R.none : update | current;
}

/** heartbeat logs the standby state as its enum number. */
function standbyStateNumber(state: Standby): number {
  return ['not', 'me', 'other', 'done'].indexOf(state);
}
