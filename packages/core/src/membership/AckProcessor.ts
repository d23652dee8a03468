import type { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeRecord } from './NodeRecord.js';
import { parseHex } from './parseHex.js';

/**
 * HBDoMsg_T_ACKMSG: a peer (or we ourselves) acknowledged our messages up to `ackseq`. The
 * history keeps what the slowest live node has not acknowledged.
 */
export class AckProcessor {
  constructor(private readonly rt: MembershipRuntime) {}

  process(from: NodeRecord, msg: HaMessage): void {
    const { rt } = this;
    const { history, flags } = rt;
    const to = msg.get('dest');
    if (to === undefined || rt.table.byName(to) !== rt.local()) return;
    const ackseq = parseHex(msg.get('ackseq'));
    if (ackseq === undefined || ackseq === from.track.ackseq) return;
    let newAckseq = history.ackseq;
    if (ackseq <= newAckseq) return;
    if (ackseq > history.hiseq) {
      // After our restart a replayed ACK of our previous life lands here each time: flood-limited.
      if (rt.floodLimiter.admit('bad-ackseq', `[${from.name}]`)) {
        rt.logger.error(`HBDoMsg_T_ACK: corrupted ackseq current hiseq = ${history.hiseq} ackseq =${ackseq} in this message`);
      }
      return;
    }
    if (ackseq < from.track.ackseq) return;
    from.track.ackseq = ackseq;

    if (flags.lowestAckNode !== undefined && flags.lowestAckNode.status === 'dead') flags.lowestAckNode = undefined;
    if (flags.lowestAckNode === undefined || flags.lowestAckNode === from) {
      flags.lowestAckNode = undefined;
      let lowest: NodeRecord | undefined;
      for (const node of rt.table.all()) {
        if (node.type === 'ping' || node.status === 'dead') continue;
        if (lowest === undefined || node.track.ackseq < lowest.track.ackseq) lowest = node;
      }
      if (lowest === undefined) return;
      if (flags.liveNodeCount < 2) {
        // Alone: nobody else will acknowledge, so do not hold messages (or clients) forever.
        if (history.hiseq - newAckseq >= K.flowControlLimit) newAckseq = history.hiseq - (K.flowControlLimit - 1);
      } else {
        if (lowest.track.ackseq > 0) newAckseq = lowest.track.ackseq;
        flags.lowestAckNode = lowest;
      }
    }
    history.updateAckseq(newAckseq, flags.sendDepth);
  }
}
