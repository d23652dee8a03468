import type { HaMessage } from '../wire/HaMessage.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeRecord } from './NodeRecord.js';
import { parseHex } from './parseHex.js';

/**
 * HBDoMsg_T_STATUS: a status (or ping NS_st) message. The only thing that keeps a node alive;
 * also where late heartbeats are noticed, flow control is switched off for old peers, and the
 * sender's announced deadtime (`dt`) becomes its death timeout.
 */
export class StatusProcessor {
  /** autojoin: the first status of a new node, reported when its second one arrives. */
  private readonly saved = new Map<NodeRecord, { status: string; previous: string }>();

  constructor(private readonly rt: MembershipRuntime) {}

  process(node: NodeRecord, msgtime: number, seqno: number, msg: HaMessage): void {
    const { rt } = this;
    const log = rt.logger;
    const status = msg.get('st');
    if (status === undefined) {
      log.error('HBDoMsg_T_STATUS: status update without st field');
      return;
    }
    // An older status (both its ts and its seq are behind the last one) changes nothing.
    if (msgtime < node.rmtLastUpdate && seqno < node.statusSeqno) return;

    // ha_msg_value_int only needs the field to exist (its value goes through atoi).
    if (node.type !== 'ping' && rt.flags.flowControl && msg.get('protocol') === undefined) {
      log.info('flow control disabled due to different version heartbeat');
      rt.flags.flowControl = false;
    }

    const now = rt.clock.now();
    const local = rt.local();
    if (node.localLastUpdateMs !== undefined) {
      const intervalMs = Math.floor(now - node.localLastUpdateMs);
      node.counters.heartbeat(intervalMs, intervalMs > rt.timings.warntimeMs);
      if (intervalMs > rt.timings.deadtimeMs) {
        log.crit(`Late heartbeat: Node ${node.name}: interval ${intervalMs} ms (> deadtime)`);
        // The poll did not run in time to see it dead; heartbeat marks it dead now anyway.
        if (node !== local) {
          const wasDead = node.status === 'dead';
          rt.markNodeDead(node);
          // Here Heartline goes beyond heartbeat 3.0.6. Its mark_node_dead runs the takeover
          // (mach_down) although this very status shows the peer alive, with the generation we
          // know; its healed-partition check ran before, in should_drop_message, while the peer
          // still counted as alive, so nothing ever undoes the takeover. A silence between
          // deadtime and the peer's announced dt (deadtime + 2 s in its first 5 s) thus leaves both
          // nodes with every group: for good in legacy and `off` mode; with `on` only heartbeat's
          // auto failback (two standbys, which may collide) sorts it out. It is a partition that
          // healed, so it is handled as one: the peer is reported returning, and the node gives up
          // and restarts as after any healed partition, in every mode. A heartbeat peer sees that
          // restart and renegotiates as usual.
          // Not when the gate already reported the return for this status (the node was dead by
          // timeout) nor for ping nodes, whose NS_st never takes that path in heartbeat.
          if (!wasDead && node.type === 'normal' && node.track.generation > 0 && status.toLowerCase() !== 'dead') {
            rt.gate.returningAfterPartition(node);
          }
        }
      } else if (intervalMs > rt.timings.warntimeMs) {
        log.warn(`Late heartbeat: Node ${node.name}: interval ${intervalMs} ms`);
      }
    }

    const pending = this.saved.get(node);
    if (node.statusSuppressed && pending !== undefined) {
      node.statusSuppressed = false;
      this.saved.delete(node);
      rt.emit({ kind: 'node-status', node: node.name, ...pending });
    }

    if (status.toLowerCase() !== node.status.toLowerCase() && node !== local) {
      log.info(`Status update for node ${node.name}: status ${status}`);
      this.countLiveNodes(node, status);
      const previous = node.status;
      node.status = status;
      if (node.statusSuppressed) this.saved.set(node, { status, previous });
      else rt.emit({ kind: 'node-status', node: node.name, status, previous });
    }

    const dt = parseHex(msg.get('dt'));
    if (dt !== undefined) node.deadMs = dt;
    node.rmtLastUpdate = msgtime;
    node.localLastUpdateMs = now;
    node.statusHeard = true;
    node.statusSeqno = seqno;
    rt.livenessChanged();
  }

  /** live_node_count follows normal peers moving between init/dead and up/active. */
  private countLiveNodes(node: NodeRecord, status: string): void {
    if (node.type !== 'normal') return;
    const { flags, logger } = this.rt;
    const wasLive = node.status === 'active' || node.status === 'up';
    const wasDown = node.status === 'dead' || node.status === 'init';
    if (wasLive && status === 'init') {
      flags.liveNodeCount--;
      if (flags.liveNodeCount < 1) logger.error(`live_node_count too small (${flags.liveNodeCount})`);
    }
    if (wasDown && (status === 'up' || status === 'active')) {
      flags.liveNodeCount++;
      if (flags.liveNodeCount > this.rt.table.count) logger.error(`live_node_count too big (${flags.liveNodeCount})`);
    }
  }
}
