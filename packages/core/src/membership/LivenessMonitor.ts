import type { Timer } from '../time/Clock.js';
import type { LinkRecord } from './LinkRecord.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeListSync } from './NodeListSync.js';
import type { NodeRecord } from './NodeRecord.js';

/**
 * What heartbeat's 250 ms poll does (check_for_timeouts, check_comm_isup) and link state changes.
 * A node is dead once no status arrived for longer than its timeout: initdead before comm-up, its
 * announced `dt` after. Links time out like their node, with heartbeat's quirk that every link uses
 * the timeout computed for the last node of the table.
 *
 * Besides the 250 ms poll, the check also runs at the first millisecond a node can be dead, so a
 * death is declared right after `dt` rather than up to 250 ms later: heartbeat's rule, without its
 * grid (which alone would exceed deadtime + 200 ms for ~5 % of crashes at keepalive 100 ms).
 */
export class LivenessMonitor {
  private deadline: Timer | undefined;
  /** When this membership started: silences before any word count from here (a restart in the same process included). */
  private readonly startedMs: number;

  constructor(
    private readonly rt: MembershipRuntime,
    private readonly nodeList: NodeListSync,
    private readonly autojoin: 'none' | 'other' | 'any',
  ) {
    this.startedMs = rt.clock.now();
  }

  /** Re-arms the deadline check for the node whose silence runs out first. */
  rescheduleDeadline(): void {
    this.cancel();
    const { rt } = this;
    let earliest = Number.POSITIVE_INFINITY;
    for (const node of rt.table.all()) {
      if (node.status === 'dead') continue;
      const timeout = rt.flags.commLinksUp ? node.deadMs : rt.timings.initdeadMs;
      earliest = Math.min(earliest, this.lastHeardMs(node) + timeout);
    }
    if (!Number.isFinite(earliest)) return;
    const delay = Math.max(0, earliest - rt.clock.now()) + 1;
    this.deadline = rt.clock.setTimeout(() => {
      this.deadline = undefined;
      this.poll();
      this.rescheduleDeadline();
    }, delay);
  }

  /** polled_input_dispatch: timeouts, then comm-up. */
  poll(): void {
    this.checkForTimeouts();
    if (!this.rt.flags.commLinksUp) this.checkCommIsUp();
  }

  cancel(): void {
    this.deadline?.cancel();
    this.deadline = undefined;
  }

  checkForTimeouts(): void {
    const { rt } = this;
    const now = rt.clock.now();
    let tooOld = 0;
    for (const node of [...rt.table.all()]) {
      const deadMs = rt.flags.commLinksUp ? node.deadMs : rt.timings.initdeadMs;
      tooOld = Math.max(0, now - deadMs);
      if (this.lastHeardMs(node) >= tooOld || node.status === 'dead') continue;
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

  /**
   * When the node's silence started: its last status, else our start. A peer whose first packet
   * completed our comm-up before any status of it arrived is silent only since that packet: its
   * `dt` counted from our start would declare it dead at once (heartbeat's 250 ms poll leaves its
   * status time to arrive first).
   */
  private lastHeardMs(node: NodeRecord): number {
    const since = node.localLastUpdateMs ?? this.startedMs;
    if (!this.rt.flags.commLinksUp || node.statusHeard || node.firstPacketMs === undefined) return since;
    return Math.max(since, node.firstPacketMs);
  }

  /** Comm is up once every node (ping nodes too) was heard from or declared dead. */
  checkCommIsUp(): void {
    const { rt } = this;
    if (rt.flags.commLinksUp) return;
    if (this.autojoin !== 'none' && !rt.flags.initDeadtimePassed) return;
    const heard = rt.table.all().filter((n) => n.anyPacketsYet || n.status === 'dead').length;
    if (heard < rt.table.count) return;
    rt.flags.commLinksUp = true;
    this.rescheduleDeadline(); // timeouts switch from initdead to each node's dt
    if (rt.flags.flowControl) this.nodeList.request(0);
    else rt.commNowUp();
  }

  /**
   * A medium reported it lost its carrier (serial cable pulled): its links to every peer are dead now,
   * not a deadtime later. The next packet on that link brings it back up as usual.
   */
  mediumLost(linkName: string): void {
    for (const node of this.rt.table.all()) {
      const link = node.links.get(linkName);
      if (node !== this.rt.local() && link?.status === 'up') this.changeLinkStatus(node, link, 'dead');
    }
  }

  changeLinkStatus(node: NodeRecord, link: LinkRecord, status: 'up' | 'dead'): void {
    link.status = status;
    this.rt.logger.info(`Link ${node.name}:${link.name} ${status}.`);
    this.rt.emit({ kind: 'link-status', node: node.name, link: link.name, status });
  }
}
