import { getUuid } from './getUuid.js';
import type { Logger } from '../log/Logger.js';
import type { LogFloodLimiter } from '../log/LogFloodLimiter.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { DropVerdict } from './DropVerdict.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { NodeRecord } from './NodeRecord.js';
import type { NodeTable } from './NodeTable.js';
import { parseHex } from './parseHex.js';
import type { RexmitRequests } from './RexmitRequests.js';

export interface SequenceGateContext {
  readonly logger: Logger;
  /** The lines a replayed or forged packet can trigger each time go through it. */
  readonly floodLimiter: LogFloodLimiter;
  readonly table: NodeTable;
  readonly rexmit: RexmitRequests;
  localNode(): NodeRecord;
  localUuid(): Uint8Array;
  flowControl(): boolean;
  sendAck(node: NodeRecord, seq: number): void;
  /** A name <-> uuid mapping changed (heartbeat rewrites its host cache). */
  uuidLearned(): void;
  /** A dead node came back with the same generation. */
  partitionHealed(node: NodeRecord): void;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Per-sender sequence tracking: heartbeat's should_drop_message, is_lost_packet, reset_seqtrack and
 * the ACK decisions that ride on them (heartbeat.c). Decides for every packet whether it is new,
 * a duplicate or stale, records gaps and asks for retransmissions.
 */
export class SequenceGate {
  constructor(private readonly ctx: SequenceGateContext) {}

  check(node: NodeRecord, msg: HaMessage): { verdict: DropVerdict; missing: boolean } {
    const { ctx } = this;
    const log = ctx.logger;
    // Replayed captured packets (or forged ones, under crc) can bring the refusal lines below
    // once per packet, so they go through the flood limiter. The partition, restart and loss
    // lines stay as they are: each needs a generation or seq above the last seen, so repeating
    // a packet cannot repeat them.
    const admit = (reason: string): boolean => ctx.floodLimiter.admit(reason, `[${node.name}]`);
    const type = msg.get('t') ?? '';
    const to = msg.get('dest');
    const from = msg.get('src');
    const fromUuid = getUuid(msg, 'srcuuid');
    const local = ctx.localNode();
    if (from !== undefined && fromUuid !== undefined && ctx.table.learn(from, fromUuid)) ctx.uuidLearned();

    if (type.startsWith('NS_')) {
      if (type.toLowerCase() === 'ns_nak_rexmit') {
        const nseq = parseHex(msg.get('firstseq'));
        if (nseq === undefined || nseq <= 0) {
          if (admit('bad-nak')) log.error('should_drop_message: bad nak seq number');
          return { verdict: 'drop', missing: false };
        }
        if ((to === undefined || to === local.name) && admit('nak')) {
          if (to === undefined) log.warn('should_drop_message: tonodename not found heartbeat version not matching?');
          log.error(`Irretrievably lost packet: node ${node.name} seq ${nseq}`);
        }
        this.isLostPacket(node, nseq);
        return { verdict: 'drop', missing: false };
      }
      return { verdict: to === undefined || to === local.name ? 'keep' : 'drop', missing: false };
    }

    const isStatus = type.toLowerCase() === 'status';
    const seq = parseHex(msg.get('seq'));
    if (seq === undefined || seq <= 0) {
      if (admit('bad-seq')) log.error('should_drop_message: bad sequence number');
      return { verdict: 'drop', missing: false };
    }
    const cgen = msg.get('hg');
    let gen = 0;
    if (cgen !== undefined) {
      const parsed = parseHex(cgen);
      if (parsed === undefined) {
        if (admit('bad-generation')) log.error('should_drop_message: bad generation number');
        return { verdict: 'drop', missing: false };
      }
      gen = parsed;
    }
    const toUuid = getUuid(msg, 'destuuid');
    const isToUs =
      toUuid !== undefined && toUuid.some((b) => b !== 0)
        ? sameBytes(toUuid, ctx.localUuid())
        : to === undefined || to === local.name;
    const keepIfToUs = (): { verdict: DropVerdict; missing: boolean } => ({ verdict: isToUs ? 'keep' : 'not-for-us', missing: false });

    const t = node.track;
    let isRestart = false;
    let isHealedPartition = false;
    if (gen < t.generation) {
      if (admit('old-generation')) {
        log.error(`should_drop_message: attempted replay attack [${node.name}]? [gen = ${gen}, curgen = ${t.generation}]`);
      }
      return { verdict: 'drop', missing: false };
    } else if (isStatus) {
      if (gen === t.generation && gen > 0) {
        if (node.status === 'dead') {
          if (seq <= node.statusSeqno) return { verdict: 'drop', missing: false };
          this.returningAfterPartition(node);
          isHealedPartition = true;
        }
      } else if (gen > t.generation) {
        isRestart = true;
        if (t.generation > 0) log.info(`Heartbeat restart on node ${node.name}`);
        this.reset(node);
        node.rmtLastUpdate = 0;
        node.localLastUpdateMs = undefined;
        node.statusHeard = false;
        node.statusSeqno = 0;
      }
      t.generation = gen;
    }

    if (t.lastSeq === undefined || seq === t.lastSeq + 1) {
      t.lastSeq = seq;
      this.sendAckIfNeeded(node, seq);
      return keepIfToUs();
    }
    if (seq === t.lastSeq) return { verdict: 'duplicate', missing: false };

    if (seq > t.lastSeq) {
      const nlost = seq - (t.lastSeq + 1);
      log.warn(`${nlost} lost packet(s) for [${node.name}] [${t.lastSeq}:${seq}]`);
      if (nlost > K.flowControlLimit) {
        this.reset(node);
        t.lastSeq = seq;
        log.error('lost a lot of packets!');
        return keepIfToUs();
      }
      ctx.rexmit.request(node, t.lastSeq + 1, seq - 1);
      if (t.firstMissingSeq === 0 || t.firstMissingSeq > t.lastSeq + 1) t.firstMissingSeq = t.lastSeq + 1;
      for (let k = t.lastSeq + 1; k < seq; k++) {
        if (t.missing.size >= K.maxMissingRecorded) t.missing.delete(Math.min(...t.missing));
        t.missing.add(k);
      }
      t.lastSeq = seq;
      return keepIfToUs();
    }

    if (this.isLostPacket(node, seq)) return { verdict: isToUs ? 'keep' : 'drop', missing: true };

    if (isHealedPartition || isRestart) {
      this.sendAckIfNeeded(node, seq);
      const ts = parseHex(msg.get('ts'));
      if (ts === undefined || ts === 0) {
        if (admit('bad-timestamp')) log.error('should_drop_message: bad timestamp');
        return { verdict: 'drop', missing: false };
      }
      node.rmtLastUpdate = ts;
      this.reset(node);
      t.lastSeq = seq;
      return keepIfToUs();
    }
    return { verdict: 'drop', missing: false };
  }

  /** The lines and the resource consequence of a dead node back with the same generation. */
  returningAfterPartition(node: NodeRecord): void {
    const log = this.ctx.logger;
    log.crit(`Cluster node ${node.name} returning after partition.`);
    log.info('For information on cluster partitions, See URL: http://linux-ha.org/wiki/Split_Brain');
    log.warn('Deadtime value may be too small.');
    log.info('See FAQ for information on tuning deadtime.');
    log.info('URL: http://linux-ha.org/wiki/FAQ#Heavy_Load');
    this.ctx.partitionHealed(node);
  }

  /** is_lost_packet: a recorded missing seq arrived (or was NAKed); may send a catch-up ACK. */
  isLostPacket(node: NodeRecord, seq: number): boolean {
    const t = node.track;
    if (!t.missing.has(seq)) return false;
    this.ctx.rexmit.remove(node, seq);
    t.missing.delete(seq);
    if (t.missing.size === 0) {
      this.ctx.logger.info(`No pkts missing from ${node.name}!`);
      t.firstMissingSeq = 0;
    }
    if (this.ctx.flowControl() && seq === t.firstMissingSeq) {
      const oldMissing = t.firstMissingSeq;
      t.firstMissingSeq = t.missing.size === 0 ? 0 : Math.min(...t.missing);
      const lastToAck = t.firstMissingSeq === 0 ? (t.lastSeq ?? 0) : t.firstMissingSeq - 1;
      const div = K.ackMsgDiv;
      const trigger = t.ackTrigger;
      const ackSeq =
        lastToAck % div >= trigger
          ? Math.floor(lastToAck / div) * div + trigger
          : (Math.floor(lastToAck / div) - 1) * div + trigger;
      if (ackSeq >= oldMissing) this.sendAckIfNeeded(node, ackSeq);
    }
    return true;
  }

  /** reset_seqtrack. */
  reset(node: NodeRecord): void {
    const t = node.track;
    for (const seq of t.missing) this.ctx.rexmit.remove(node, seq);
    t.missing.clear();
    t.firstMissingSeq = 0;
    t.lastSeq = undefined;
    t.ackseq = 0;
  }

  /** send_ack_if_needed: ACK seqs ending in the node's trigger digit, unless an earlier one is missing. */
  private sendAckIfNeeded(node: NodeRecord, seq: number): void {
    if (!this.ctx.flowControl()) return;
    const fm = node.track.firstMissingSeq;
    if ((fm !== 0 && seq > fm) || seq % K.ackMsgDiv !== node.track.ackTrigger) return;
    this.ctx.sendAck(node, seq);
  }
}
