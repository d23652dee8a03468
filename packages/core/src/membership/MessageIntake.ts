import { getUuid } from './getUuid.js';
import { printableForLog } from '../log/printableForLog.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { AckProcessor } from './AckProcessor.js';
import type { LivenessMonitor } from './LivenessMonitor.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeListSync } from './NodeListSync.js';
import type { NodeRecord } from './NodeRecord.js';
import { parseHex } from './parseHex.js';
import type { RexmitResponder } from './RexmitResponder.js';
import type { ShutdownSequence } from './ShutdownSequence.js';
import type { StatusProcessor } from './StatusProcessor.js';

export interface MessageIntakeParts {
  readonly status: StatusProcessor;
  readonly acks: AckProcessor;
  readonly responder: RexmitResponder;
  readonly nodeList: NodeListSync;
  readonly liveness: LivenessMonitor;
  readonly shutdown: ShutdownSequence;
  readonly autojoin: 'none' | 'other' | 'any';
}

/** Longest node name a refusal line repeats from a packet. */
const MAX_NAME_CHARS = 64;

/**
 * process_clustermsg and HBDoMsgCallback: every message, from a medium or looped back from
 * ourselves, is validated, attributed to a node, sequence-checked, refreshes its link, and is
 * handed to the processor for its type; then it is offered to the layers above.
 */
export class MessageIntake {
  constructor(
    private readonly rt: MembershipRuntime,
    private readonly parts: MessageIntakeParts,
  ) {}

  process(msg: HaMessage, linkName: string | undefined): void {
    const { rt, parts } = this;
    const log = rt.logger;
    const type = msg.get('t');
    const from = msg.get('src');
    const ts = msg.get('ts');
    const cseq = msg.get('seq');
    const iface = linkName ?? '?';
    // A replayed or forged packet can bring these refusals again and again: flood-limited.
    const sender = (): string => printableForLog(from ?? '<?>', MAX_NAME_CHARS);
    const admit = (reason: string): boolean => rt.floodLimiter.admit(reason, `[${sender()}] on ${iface}`);
    if (from === undefined || ts === undefined || type === undefined) {
      if (admit('missing-fields')) log.error(`process_clustermsg: missing from/ts/type: iface ${iface}, from ${sender()}`);
      return;
    }
    let seqno = 0;
    if (cseq !== undefined) {
      const parsed = parseHex(cseq);
      if (parsed === undefined) {
        if (admit('bad-cseq')) log.error(`process_clustermsg: has bad cseq: iface ${iface}, from ${sender()}`);
        return;
      }
      seqno = parsed;
    } else if (!type.startsWith('NS_')) {
      if (admit('missing-seq')) log.error(`process_clustermsg: missing seqno: iface ${iface}, from ${sender()}`);
      return;
    }
    const msgtime = parseHex(ts);
    if (msgtime === undefined || msgtime === 0) return;

    const fromUuid = getUuid(msg, 'srcuuid');
    const node = rt.table.lookup(from, fromUuid);
    if (node === undefined) {
      this.unknownNode(from, fromUuid, iface);
      return;
    }
    if (!node.anyPacketsYet) node.firstPacketMs = rt.clock.now();
    node.anyPacketsYet = true;
    const link = linkName === undefined ? undefined : node.links.get(linkName);
    const knownGeneration = node.track.generation;
    const { verdict } = rt.gate.check(node, msg);
    if (verdict === 'drop') return;
    if (verdict === 'not-for-us') {
      // heartbeat drops these here; the resource layer still wants to know what a peer tells itself.
      rt.emit({ kind: 'overheard', from: node.name, message: msg });
      return;
    }
    if (link !== undefined) {
      link.lastUpdateMs = rt.clock.now();
      if (link.status !== 'up') parts.liveness.changeLinkStatus(node, link, 'up');
    }
    if (verdict === 'duplicate') return;
    if (knownGeneration > 0 && node.track.generation > knownGeneration) {
      rt.emit({ kind: 'node-restart', node: node.name });
    }
    this.dispatch(type, node, msgtime, seqno, msg);
    rt.emit({ kind: 'message', from: node.name, fromSelf: node === rt.local(), message: msg, linkName });
    if (!rt.flags.commLinksUp) parts.liveness.checkCommIsUp();
  }

  private unknownNode(from: string, uuid: Uint8Array | undefined, iface: string): void {
    const { rt } = this;
    if (this.parts.autojoin === 'none') {
      // Replays of a removed node's packets would log this once each.
      const name = printableForLog(from, MAX_NAME_CHARS);
      if (rt.floodLimiter.admit('unknown-node', `[${name}] on ${iface}`)) rt.logger.error(`process_status_message: bad node [${name}] in message`);
      return;
    }
    rt.logger.info(`process_clustermsg: Adding new node [${from}] to configuration.`);
    const node = rt.table.add(from, 'normal');
    node.statusSuppressed = true;
    rt.table.learn(from, uuid);
    // The new node can die (deadline), and as the table's last node it sets every link's timeout.
    rt.livenessChanged();
  }

  private dispatch(type: string, node: NodeRecord, msgtime: number, seqno: number, msg: HaMessage): void {
    const { rt, parts } = this;
    switch (type) {
      case 'status':
      case 'NS_st':
        parts.status.process(node, msgtime, seqno, msg);
        break;
      case 'NS_rexmit':
        if (node !== rt.local()) parts.responder.answer(msg);
        break;
      case 'NS_ackmsg':
        if (rt.flags.flowControl) parts.acks.process(node, msg);
        break;
      case 'reqnodes':
        parts.nodeList.onRequest(node);
        break;
      case 'repnodes':
        parts.nodeList.onReply(node, msg);
        break;
      case 'shutdone':
        if (node === rt.local()) parts.shutdown.ownShutdoneSeen();
        break;
      default:
        break;
    }
  }
}
