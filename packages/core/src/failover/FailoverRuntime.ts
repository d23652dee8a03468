import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { Logger } from '../log/Logger.js';
import type { GroupOutcome } from '../resources/GroupOutcome.js';
import type { Timer } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverCoordinatorOptions } from './FailoverCoordinatorOptions.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { ResourceState } from './ResourceState.js';
import { ResourceSet as R } from './ResourceSet.js';
import type { StandbyState } from './StandbyState.js';

/**
 * What the parts of the resource layer (negotiation, standby, takeover, release, jobs) share:
 * hb_resource.c's globals, the options, and the helpers every part uses. Events are handled one
 * at a time (`run`): our own messages loop back through the coordinator and are processed after
 * the handler that sent them.
 */
export class FailoverRuntime {
  /** nice_failback: auto_failback on or off (not legacy). */
  readonly nice: boolean;
  readonly auto: boolean;
  readonly log: Logger;

  state: ResourceState = 'init';
  iHold: number = R.none;
  otherHolds: number = R.none;
  otherIsStable = false;
  takeoverInProgress = false;
  goingStandby: StandbyState = 'not';
  /** Monotonic ms until which a standby runs; 0 when none does. */
  standbyRunning = 0;
  standbyRsctype: number = R.all;
  rscNeedsFailback = false;
  rscNeedsShutdown = false;
  shutdownInProgress = false;
  resourceShutdownInProgress = false;
  shutdownForced = false;
  localTakeoverWorkDone = false;
  foreignTakeoverWorkDone = false;
  initTakeoverAnnounced = false;
  localTakeoverTime = 0;
  resourcesRequestedYet = false;
  commUp = false;
  /** heartbeat's per-node has_resources (legacy mode's STONITH decision). */
  readonly gaveUpResources = new Set<string>();
  readonly failedGroups = new Map<string, string>();
  /** ResourceMgmt_child_count: resource jobs running. */
  childCount = 0;
  closed = false;
  /** The tail of each group's operations (exclusive). */
  private readonly groupOperations = new Map<string, Promise<void>>();
  /** The embedder restarts this node soon (a healed partition): no failback or standby starts. */
  restartExpected = false;

  private readonly groupListeners: Array<(group: HaResourceGroup, running: boolean) => void> = [];
  private readonly acquisitionListeners: Array<() => void> = [];
  private readonly pending: Array<() => void> = [];
  private handling = false;
  private readonly timers = new Set<Timer>();

  constructor(readonly options: FailoverCoordinatorOptions) {
    this.nice = options.autoFailback !== 'legacy';
    this.auto = options.autoFailback === 'on';
    this.log = options.logger;
  }

  /** Stops every timer of `later`: the node halted. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
  }

  isStable(): boolean {
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

  /** hb_send_resources_held */
  sendResourcesHeld(stable: boolean, info?: string): void {
    if (this.nice) this.post(M.resourcesHeld(this.iHold, stable, info));
  }

  announceTakeover(reason: string): void {
    if (this.initTakeoverAnnounced || !this.localTakeoverWorkDone || !this.foreignTakeoverWorkDone) return;
    this.log.info(`Initial resource acquisition complete (${reason})`);
    this.initTakeoverAnnounced = true;
    for (const listener of this.acquisitionListeners.splice(0)) listener();
  }

  /** Hears once when "Initial resource acquisition complete" is announced (the daemon's readiness). */
  onInitialAcquisition(listener: () => void): void {
    if (this.initTakeoverAnnounced) listener();
    else this.acquisitionListeners.push(listener);
  }

  later(delayMs: number, fn: () => void): void {
    if (this.closed) return;
    const timer = this.options.clock.setTimeout(() => {
      this.timers.delete(timer);
      this.run(fn);
    }, delayMs);
    this.timers.add(timer);
  }

  post(message: HaMessage): void {
    this.run(() => this.options.send(message));
  }

  /** Handlers run one at a time; what they trigger (our own messages looping back) runs after. */
  run(fn: () => void): void {
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

  /** Hears when a group starts running here (taken, or found running) and when it is being given up. */
  onGroupRunning(listener: (group: HaResourceGroup, running: boolean) => void): void {
    this.groupListeners.push(listener);
  }

  /** takegroup, through which every part starts a group. */
  takeGroup(group: HaResourceGroup): Promise<GroupOutcome> {
    return this.exclusive(group, async () => {
      const outcome = await this.options.operations.takeGroup(group);
      if (outcome.ok) this.groupRuns(group, true);
      return outcome;
    });
  }

  /** givegroup: the group stops counting as running here before its first resource stops. */
  giveGroup(group: HaResourceGroup): Promise<GroupOutcome> {
    return this.exclusive(group, () => {
      this.groupRuns(group, false);
      return this.options.operations.giveGroup(group);
    });
  }

  /** Monitoring's restart in place of `resource` and the resources right of it. */
  restartFrom(group: HaResourceGroup, resource: ResourceRef): Promise<GroupOutcome> {
    return this.exclusive(group, () => this.options.operations.restartFrom(group, resource));
  }

  /**
   * One operation on a group at a time, in the order asked. Two jobs can move the same group at
   * once (after a partition, a standby's release and a takeover): overlapping, the take would
   * start a resource while the release stops the one left of it.
   */
  private exclusive<T>(group: HaResourceGroup, work: () => Promise<T>): Promise<T> {
    const previous = this.groupOperations.get(group.key) ?? Promise.resolve();
    const result = previous.then(work);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.groupOperations.set(group.key, done);
    void done.then(() => {
      if (this.groupOperations.get(group.key) === done) this.groupOperations.delete(group.key);
    });
    return result;
  }

  /** ResourceManager `status`: a group found running here (left from before) runs here. */
  async isRunning(group: HaResourceGroup): Promise<boolean> {
    const running = await this.options.operations.isRunning(group);
    if (running) this.groupRuns(group, true);
    return running;
  }

  isLocal(group: HaResourceGroup): boolean {
    return group.node === this.options.nodeName.toLowerCase();
  }

  /** ResourceManager listkeys NODE (case-insensitive, as its grep -i). */
  groupsOf(node: string): HaResourceGroup[] {
    return this.options.groups.filter((g) => g.node === node.toLowerCase());
  }

  private groupRuns(group: HaResourceGroup, running: boolean): void {
    this.run(() => {
      for (const listener of this.groupListeners) listener(group, running);
    });
  }

  anyPeerAlive(): boolean {
    return this.options.nodes().some((n) => n.type === 'normal' && n.name !== this.options.nodeName && n.status !== 'dead');
  }

  deadCount(): number {
    return this.options.nodes().filter((n) => n.type === 'normal' && n.status === 'dead').length;
  }
}
