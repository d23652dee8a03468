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
 * The check runs at the first millisecond a node or a link can be dead, so a death is declared right
 * after its timeout rather than up to 250 ms later: heartbeat's rule, without its grid (which alone
 * would exceed deadtime + 200 ms for ~5 % of crashes at keepalive 100 ms). Membership polls every
 * 250 ms only until comm-up, where the poll also decides when comm is up; after it, these deadlines
 * do all the poll did, and an idle node wakes only for its keepalive and its peers' packets.
 */
export class LivenessMonitor {
  private deadline: Timer | undefined;
  /** When the armed deadline check fires (clock ms). */
  private deadlineDueMs = Number.POSITIVE_INFINITY;
  /** When this membership started: silences before any word count from here (a restart in the same process included). */
  private readonly startedMs: number;

  constructor(
    private readonly rt: MembershipRuntime,
    private readonly nodeList: NodeListSync,
    private readonly autojoin: 'none' | 'other' | 'any',
  ) {
    this.startedMs = rt.clock.now();
  }

  /**
   * Makes sure the deadline check runs when the node or link whose silence runs out first can be dead.
   * A status only moves its node's deadline later, so a check armed earlier is left as it is (no timer
   * churn per packet): when it fires before anything is due it re-arms itself for the new first deadline.
   */
  rescheduleDeadline(): void {
    const now = this.rt.clock.now();
    // The check is due 1 ms after the first silence runs out, and never before the next millisecond.
    const dueMs = Math.max(this.silenceEndsMs(), now) + 1;
    if (this.deadline !== undefined && this.deadlineDueMs <= dueMs) return;
    this.cancel();
    if (!Number.isFinite(dueMs)) return;
    this.deadlineDueMs = dueMs;
    this.deadline = this.rt.clock.setTimeout(() => {
      this.deadline = undefined;
      this.deadlineDueMs = Number.POSITIVE_INFINITY;
      if (this.silenceEndsMs() < this.rt.clock.now()) this.poll();
      this.rescheduleDeadline();
    }, dueMs - now);
  }

  /** When the first node's or link's silence reaches its timeout (dead 1 ms later); Infinity with none left. */
  private silenceEndsMs(): number {
    const { rt } = this;
    let earliest = Number.POSITIVE_INFINITY;
    // checkForTimeouts judges every link by the timeout of the last node of the table, dead or not.
    let linkTimeout = Number.POSITIVE_INFINITY;
    for (const node of rt.table.all()) {
      const timeout = rt.flags.commLinksUp ? node.deadMs : rt.timings.initdeadMs;
      linkTimeout = timeout;
      if (node.status === 'dead') continue;
      earliest = Math.min(earliest, this.lastHeardMs(node) + timeout);
    }
    const local = rt.local();
    for (const node of rt.table.all()) {
      if (node === local) continue;
      for (const link of node.links.values()) {
        if (link.status !== 'dead') earliest = Math.min(earliest, link.lastUpdateMs + linkTimeout);
      }
    }
    return earliest;
  }

  /** polled_input_dispatch: timeouts, then comm-up. */
  poll(): void {
    this.checkForTimeouts();
    if (!this.rt.flags.commLinksUp) this.checkCommIsUp();
  }

  cancel(): void {
    this.deadline?.cancel();
    this.deadline = undefined;
    this.deadlineDueMs = Number.POSITIVE_INFINITY;
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
    // A link that came up has a deadline of its own (a packet other than a status re-arms nothing).
    if (status === 'up') this.rt.livenessChanged();
    this.rt.emit({ kind: 'link-status', node: node.name, link: link.name, status });
  }
}
