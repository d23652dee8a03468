import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { GroupTaker } from './GroupTaker.js';
import type { ResourceJobs } from './ResourceJobs.js';
import type { ResourceRelease } from './ResourceRelease.js';
import { ResourceSet as R } from './ResourceSet.js';
import type { StandbyProtocol } from './StandbyProtocol.js';
import type { StonithResets } from './StonithResets.js';

/**
 * Acquiring groups: our own (req_our_resources) and those of a node that died or shut down
 * (hb_rsc_recover_dead_resources, takeover_from_node, mach_down), with heartbeat's STONITH
 * messages for a dead node that may still hold something.
 */
export class ResourceTakeover {
  constructor(
    private readonly rt: FailoverRuntime,
    private readonly jobs: ResourceJobs,
    private readonly release: ResourceRelease,
    private readonly standby: StandbyProtocol,
    private readonly taker: GroupTaker,
    private readonly stonith: StonithResets,
  ) {}

  /** hb_rsc_recover_dead_resources: a peer was declared dead. */
  recoverDeadResources(node: string, heardFrom: boolean): void {
    const { rt } = this;
    this.standby.cancelPendingStandby();
    if (rt.shutdownInProgress) {
      if (rt.state === 'shutdown' || rt.state === 'stable') return;
      this.release.giveUpResources();
      return;
    }
    rt.rscNeedsFailback = true;
    // Without a word from it since its last death it may hold anything.
    let needStonith = true;
    if (heardFrom) {
      if (rt.nice) needStonith = rt.otherHolds !== R.none;
      else needStonith = !rt.gaveUpResources.has(node);
    }
    if (needStonith) {
      // With a device, the takeover waits for a reset that worked (StonithResets calls takeoverFromNode).
      if (this.stonith.configured) {
        this.stonith.reset(node);
        return;
      }
      rt.post(M.stonith(node, 'n_stnth'));
      rt.log.warn('No STONITH device configured.');
      rt.log.warn('Shared disks are not protected.');
      this.takeoverFromNode(node);
      return;
    }
    rt.log.info(`Dead node ${node} gave up resources.`);
    rt.post(M.stonith(node, 'unneeded'));
    if (!rt.nice) {
      this.takeoverFromNode(node);
      return;
    }
    if ((rt.iHold & R.all) === R.all) {
      rt.otherIsStable = true;
      return;
    }
    if ((rt.iHold & R.local) === 0) this.reqOurResources(true);
    if ((rt.iHold & R.foreign) === 0) this.takeoverFromNode(node);
  }

  /** A peer's `shutdone`: it gave up everything, so its groups are ours. */
  peerShutDown(from: string): void {
    const { rt } = this;
    rt.gaveUpResources.add(from);
    rt.otherIsStable = false;
    rt.otherHolds = R.none;
    rt.log.info(`Received shutdown notice from '${from}'.`);
    this.takeoverFromNode(from);
  }

  /** takeover_from_node: mach_down for the node's groups, then our own groups if needed. */
  takeoverFromNode(node: string): void {
    const { rt } = this;
    if (rt.shutdownInProgress) {
      rt.log.info('Resource takeover cancelled - shutdown in progress.');
      this.release.shutdownIfNeeded();
      return;
    }
    rt.log.info(`Resources being acquired from ${node}.`);
    this.jobs.queueRemote('status', () => this.machDown(node));
    if (rt.nice) {
      rt.iHold |= R.foreign;
      rt.otherHolds = R.none;
      rt.otherIsStable = true;
      rt.takeoverInProgress = true;
    }
    this.reqOurResources(true);
  }

  /** req_our_resources: ask for (or, alone or under nice_failback, just take) our own groups. */
  reqOurResources(getThemAnyway: boolean): void {
    const { rt } = this;
    if (rt.shutdownInProgress) return;
    if (rt.nice) {
      const someoneHolds = (rt.otherHolds & R.foreign) !== 0 || (rt.iHold & R.local) !== 0;
      if (someoneHolds && !getThemAnyway && rt.goingStandby === 'not') {
        rt.log.info('Local Resource acquisition completed. (none)');
        return;
      }
      rt.iHold |= R.local;
    }
    // heartbeat counts `active` nodes only, so a peer whose first packet was not its status (its
    // `repnodes` answer after a quick return) looks absent and legacy mode takes groups it still
    // runs; a peer we heard from but whose status we have not seen yet counts as up here, unless we
    // play heartbeat (`active-only`). A peer whose status says `up` has no resource layer yet (it
    // starts at its comm-up) and would drop our ip-request: it does not count.
    const us = rt.options.nodeName;
    const heardCounts = rt.options.upcount !== 'active-only';
    const statusUnseen = (n: { anyPacketsYet: boolean; statusHeard: boolean }): boolean => n.anyPacketsYet && !n.statusHeard;
    let upcount = rt.options
      .nodes()
      .filter((n) => n.type === 'normal' && n.status !== 'dead' && (n.status === 'active' || (heardCounts && n.name !== us && statusUnseen(n)))).length;
    if (rt.options.localStatus() !== 'active') upcount++;
    const dontAsk = upcount < 2 || rt.nice;
    this.jobs.spawn(upcount < 2 ? 'req_our_resources' : 'req_our_resources(ask)', async () => {
      const ours = rt.groupsOf(us);
      for (const group of ours) {
        if (await rt.isRunning(group)) continue;
        rt.post(dontAsk ? M.ipRequestResp(us, group.key, true) : M.ipRequest(group.key));
      }
      if (ours.length === 0) rt.log.info(`No local resources [ResourceManager listkeys ${us}] to acquire.`);
      else rt.log.info('Local Resource acquisition completed.');
      rt.sendResourcesHeld(true, 'req_our_resources()');
    });
  }

  /** mach_down: take every group of the dead node. */
  private async machDown(node: string): Promise<void> {
    const { rt } = this;
    if (node === rt.options.nodeName) return;
    for (const group of rt.groupsOf(node)) {
      rt.log.info(`Taking over resource group ${group.key}`);
      await this.taker.take(group);
    }
    if (rt.nice) {
      rt.log.info('mach_down: nice_failback: foreign resources acquired');
      rt.post(M.machDownDone());
    }
    rt.log.info(`mach_down takeover complete for node ${node}.`);
  }
}
