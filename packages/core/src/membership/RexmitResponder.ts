import { printableForLog } from '../log/printableForLog.js';
import { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import { parseAtoi } from './parseAtoi.js';

/** Longest node name a refusal line repeats from a packet. */
const MAX_NAME_CHARS = 64;

/**
 * process_rexmit / nak_rexmit: a peer asks for our messages firstseq..lastseq (decimal). Each is
 * re-sent unchanged from the history, skipped if the peer already acknowledged it or we re-sent
 * it less than max_rexmit_delay-10 ms ago, or refused with a NAK when no longer held.
 *
 * NS_ messages carry no seq, so the gate lets a replayed request through every time: its lines
 * are flood-limited per requester.
 */
export class RexmitResponder {
  constructor(private readonly rt: MembershipRuntime) {}

  answer(msg: HaMessage): void {
    const { rt } = this;
    const log = rt.logger;
    const fromName = msg.get('src');
    const admit = (reason: string): boolean => rt.floodLimiter.admit(reason, `[${printableForLog(fromName ?? '?', MAX_NAME_CHARS)}]`);
    if (fromName === undefined) {
      if (admit('bad-rexmit')) log.error('process_rexmit: from node not found in the message');
      return;
    }
    const from = rt.table.lookup(fromName, undefined);
    if (from === undefined) {
      if (admit('bad-rexmit')) log.error('fromnode not found ');
      return;
    }
    const cf = msg.get('firstseq');
    const cl = msg.get('lastseq');
    const first = parseAtoi(cf);
    const last = parseAtoi(cl);
    if (cf === undefined || cl === undefined || first <= 0 || last <= 0 || first > last) {
      if (admit('bad-rexmit')) log.error('Invalid rexmit seqnos');
    }
    const { history } = rt;
    const acceptAfterMs = rt.timings.maxRexmitDelayMs - 10;
    let sent = 0;
    for (let seq = first; seq <= last; seq++) {
      if (seq <= from.track.ackseq) continue;
      if (seq <= history.lowseq) {
        this.nak(seq, fromName, 'seqno too low');
        continue;
      }
      if (seq > history.hiseq) {
        // Heartbeat goes on to lastseq with one line per seq; every later seq is beyond hiseq
        // too (nothing here sends), so one line says it all and a forged lastseq of 2^31 costs
        // nothing.
        if (admit('rexmit-beyond-max')) log.warn(`Rexmit of seq ${seq} requested. ${history.hiseq} is max.`);
        return;
      }
      const entry = history.get(seq);
      if (entry === undefined) {
        this.nak(seq, fromName, 'seqno not found');
        continue;
      }
      const now = rt.clock.now();
      if (entry.lastRexmitMs !== undefined && Math.floor(now - entry.lastRexmitMs) < acceptAfterMs) continue;
      if (++sent > K.maxRexmitBatch) return;
      entry.lastRexmitMs = now;
      from.counters.retransmitted++;
      rt.retransmit(entry.message);
    }
  }

  private nak(seq: number, toName: string, reason: string): void {
    const { rt } = this;
    const from = rt.table.lookup(toName, undefined);
    if (from === undefined) {
      if (rt.floodLimiter.admit('bad-rexmit', `[${printableForLog(toName, MAX_NAME_CHARS)}]`)) rt.logger.error('fromnode not found ');
      return;
    }
    const h = rt.history;
    if (rt.floodLimiter.admit('rexmit-nak', `[${from.name}]`)) {
      rt.logger.error(`Cannot rexmit pkt ${seq} for ${toName}: ${reason}`);
      rt.logger.info(`fromnode =${from.name}, fromnode's ackseq = ${from.track.ackseq}`);
      rt.logger.info('hist information:');
      rt.logger.info(
        `hiseq =${h.hiseq}, lowseq=${h.lowseq},ackseq=${h.ackseq},lastmsg=${(h.hiseq + K.maxMsgHist - 1) % K.maxMsgHist}`,
      );
    }
    rt.send(
      HaMessage.fromStrings([
        ['t', 'NS_nak_rexmit'],
        ['firstseq', seq.toString(16)],
        ['dest', toName],
        ['info', reason],
      ]),
    );
  }
}
