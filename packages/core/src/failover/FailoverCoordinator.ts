import type { MembershipEvent } from '../membership/MembershipEvent.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverCoordinatorOptions } from './FailoverCoordinatorOptions.js';
import { FailoverRuntime } from './FailoverRuntime.js';
import type { FailoverStatus } from './FailoverStatus.js';
import { failoverStatusOf } from './failoverStatusOf.js';
import { GroupMonitor } from './GroupMonitor.js';
import { GroupTaker } from './GroupTaker.js';
import { LegacyIpRequests } from './LegacyIpRequests.js';
import { PeerReports } from './PeerReports.js';
import { PeerSelfGrant } from './PeerSelfGrant.js';
import { ResourceJobs } from './ResourceJobs.js';
import { ResourceRelease } from './ResourceRelease.js';
import { ResourceTakeover } from './ResourceTakeover.js';
import { StandbyProtocol } from './StandbyProtocol.js';
import { StandbyRequests } from './StandbyRequests.js';
import { StartupNegotiation } from './StartupNegotiation.js';
import { StonithResets } from './StonithResets.js';

export type { FailoverCoordinatorOptions } from './FailoverCoordinatorOptions.js';
export type { GroupOperations } from './GroupOperations.js';

/**
 * heartbeat 3.0.6's resource negotiation (hb_resource.c with the ResourceManager, req_resource,
 * mach_down and rc.d scripts it runs), message for message: `starting` / `resource` at comm-up
 * under nice_failback (auto_failback on|off), `ip-request` in legacy mode, takeover of a dead
 * node's groups, the three-phase standby (`ask_resources`), auto-failback, `hb_takeover`, and the
 * graceful release on shutdown. Written for two nodes, as heartbeat's is. On top, what heartbeat v1
 * never had: resource monitoring (GroupMonitor), which restarts a failed resource in place and
 * hands its group over through the same standby protocol.
 *
 * Work that heartbeat forks ("children") runs as async jobs (ResourceJobs). Events are handled one
 * at a time (FailoverRuntime.run): our own messages loop back through `handle` and are processed
 * after the handler that sent them. This class routes events and commands to the parts.
 */
export class FailoverCoordinator {
  private readonly rt: FailoverRuntime;
  private readonly jobs: ResourceJobs;
  private readonly release: ResourceRelease;
  private readonly requests: StandbyRequests;
  private readonly standby: StandbyProtocol;
  private readonly takeover: ResourceTakeover;
  private readonly ipRequests: LegacyIpRequests;
  private readonly selfGrant: PeerSelfGrant;
  private readonly reports: PeerReports;
  private readonly negotiation: StartupNegotiation;
  private readonly monitor: GroupMonitor;
  private readonly stonith: StonithResets;
  /** Our own messages sent before comm-up (a takeover at initdead), replayed once it is up. */
  private readonly beforeCommUp: Array<{ readonly from: string; readonly msg: HaMessage }> = [];

  constructor(options: FailoverCoordinatorOptions) {
    const rt = new FailoverRuntime(options);
    this.rt = rt;
    this.jobs = new ResourceJobs(rt, () => this.release.shutdownIfNeeded());
    this.release = new ResourceRelease(rt, this.jobs);
    this.requests = new StandbyRequests(rt);
    const taker = new GroupTaker(rt, this.requests);
    this.standby = new StandbyProtocol(rt, this.jobs, this.release, taker);
    this.stonith = new StonithResets(rt, this.jobs, options.fencing, (node) => this.takeover.takeoverFromNode(node));
    this.takeover = new ResourceTakeover(rt, this.jobs, this.release, this.standby, taker, this.stonith);
    this.selfGrant = new PeerSelfGrant(rt);
    this.reports = new PeerReports(rt.log);
    this.ipRequests = new LegacyIpRequests(rt, taker);
    this.negotiation = new StartupNegotiation(rt, this.release, this.standby, this.takeover);
    this.monitor = new GroupMonitor(rt, this.jobs, this.requests);
  }

  /** Feed every membership event here. */
  handle(event: MembershipEvent): void {
    this.rt.run(() => {
      switch (event.kind) {
        case 'comm-up':
          this.negotiation.commUpResourceAction();
          this.stonith.commUp();
          for (const { from, msg } of this.beforeCommUp.splice(0)) this.onMessage(from, true, msg);
          break;
        case 'node-dead':
          this.takeover.recoverDeadResources(event.node, event.heardFrom);
          this.release.shutdownIfNeeded();
          break;
        case 'node-restart':
          this.rt.gaveUpResources.delete(event.node);
          this.stonith.nodeBack(event.node);
          break;
        case 'node-status':
        case 'partition-healed':
          if (event.kind === 'partition-healed' || event.status !== 'dead') this.stonith.nodeBack(event.node);
          break;
        case 'message':
          this.onMessage(event.from, event.fromSelf, event.message);
          break;
        case 'overheard':
          this.onOverheard(event.from, event.message);
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
    return this.requests.requestStandby(set);
  }

  /** The node restarts soon (ClusterNode.expectRestart): start no failback or standby. */
  expectRestart(): void {
    this.rt.restartExpected = true;
  }

  /** `hb_takeover [all|local|foreign|failback]`: ask the peer to go standby for what we take. */
  requestTakeover(set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    return this.requests.requestTakeover(set);
  }

  /**
   * The resource part of a graceful shutdown (hb_giveup_resources): once resource activity is
   * stable, tell the peer we hold nothing, then release every group right to left.
   */
  releaseAll(): Promise<void> {
    this.rt.run(() => this.stonith.cancelAll('the node is shutting down'));
    return this.release.releaseAll();
  }

  /**
   * Calls `listener` once the initial resource acquisition is complete and the resource work it
   * set off is done. heartbeat announces it a little early (when our own `resource` message says
   * we hold our groups, while they may still be starting), so this also waits, checking every
   * 100 ms, until no resource job runs: the groups this node took are started (or failed).
   */
  onInitialAcquisition(listener: () => void): void {
    const whenIdle = (): void => {
      if (this.rt.childCount === 0) listener();
      else this.rt.later(100, whenIdle);
    };
    this.rt.onInitialAcquisition(whenIdle);
  }

  /** Stops every timer: the node halted (crash, test end). Running jobs finish on their own. */
  close(): void {
    this.stonith.cancelAll('the node halted');
    this.rt.close();
    this.standby.close();
    this.monitor.close();
  }

  status(): FailoverStatus {
    return failoverStatusOf(this.rt, this.monitor, this.stonith.status());
  }

  private onMessage(from: string, fromSelf: boolean, msg: HaMessage): void {
    const type = msg.get('t');
    if (type === 'shutdone') {
      this.onShutdone(from, fromSelf, msg);
      return;
    }
    // heartbeat registers the resource handlers at comm-up: earlier messages are not theirs. Its
    // own messages come back through its FIFO after the comm-up that the same poll triggers, so
    // ours wait for it here (a takeover at initdead asks for our groups before comm is up).
    if (type === undefined) return;
    if (!this.rt.commUp) {
      if (fromSelf) this.beforeCommUp.push({ from, msg });
      return;
    }
    switch (type) {
      case 'starting':
      case 'resource':
        if (!fromSelf && this.reports.isStale(from, msg)) break;
        this.negotiation.processResources(type, msg, fromSelf);
        break;
      case 'ask_resources':
        if (!fromSelf && this.reports.isStaleStandby(from, msg)) break;
        this.standby.askForResources(msg, from, fromSelf);
        break;
      case 'ip-request':
        if (!fromSelf) this.jobs.queueRemote(type, () => this.ipRequests.answerIpRequest(from, msg));
        break;
      case 'ip-request-resp':
        this.jobs.queueRemote(type, () => this.ipRequests.takeRequestedGroup(msg));
        break;
      case 'hb_takeover':
        if (!fromSelf) this.jobs.queueRemote(type, () => this.requests.standbyForPeer(from, msg));
        break;
      default:
        break;
    }
  }

  /** A peer's `ip-request-resp` to itself: it starts that group without asking (PeerSelfGrant). */
  private onOverheard(from: string, msg: HaMessage): void {
    if (!this.rt.commUp || msg.get('t') !== 'ip-request-resp' || msg.get('dest') !== from) return;
    this.jobs.queueRemote('peer-self-grant', () => this.selfGrant.resolve(from, msg));
  }

  private onShutdone(from: string, fromSelf: boolean, msg: HaMessage): void {
    if (this.rt.commUp) this.negotiation.processResources('shutdone', msg, fromSelf);
    if (fromSelf) return;
    this.takeover.peerShutDown(from);
  }
}
