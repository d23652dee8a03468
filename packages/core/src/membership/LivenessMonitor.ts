import type { LinkRecord } from './LinkRecord.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeListSync } from './NodeListSync.js';
import type { NodeRecord } from './NodeRecord.js';

/**
 * What heartbeat's 250 ms poll does (check_for_timeouts, check_comm_isup) and link state changes.
 * A node is dead once no status arrived for longer than its timeout: initdead before comm-up, its
 * announced `dt` after. Links time out like their node, with heartbeat's quirk that every link uses
 * the timeout computed for the last node of the table.
 */
export class LivenessMonitor {
  constructor(
    private readonly rt: MembershipRuntime,
    private readonly nodeList: NodeListSync,
    private readonly autojoin: 'none' | 'other' | 'any',
  ) {}

  checkForTimeouts(): void {
    const { rt } = this;
    const now = rt.clock.now();
    let tooOld = 0;
    for (const node of [...rt.table.all()]) {
      const deadMs = rt.flags.commLinksUp ? node.deadMs : rt.timings.initdeadMs;
      tooOld = Math.max(0, now - deadMs);
      if ((node.localLastUpdateMs ?? 0) >= tooOld || node.status === 'dead') continue;
      rt.markNodeDead(node);
    }
    for (const node of rt.table.all()) {
      if (node === rt.local()) continue;
      for (const link of node.links.values()) {
        if (link.lastUpdateMs >= tooOld || link.status === 'dead') continue;
        this.changeLinkStatus(node, link, 'dead');
      }
    }
  }

  /** Comm is up once every node (ping nodes too) was heard from or declared dead. */
  checkCommIsUp(): void {
    const { rt } = this;
    if (rt.flags.commLinksUp) return;
    if (this.autojoin !== 'none' && !rt.flags.initDeadtimePassed) return;
    const heard = rt.table.all().filter((n) => n.anyPacketsYet || n.status === 'dead').length;
    if (heard < rt.table.count) return;
    rt.flags.commLinksUp = true;
    if (rt.flags.flowControl) this.nodeList.request(0);
    else rt.commNowUp();
  }

  changeLinkStatus(node: NodeRecord, link: LinkRecord, status: 'up' | 'dead'): void {
    link.status = status;
    this.rt.logger.info(`Link ${node.name}:${link.name} ${status}.`);
    this.rt.emit({ kind: 'link-status', node: node.name, link: link.name, status });
  }
}
