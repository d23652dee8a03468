import type { Logger } from '../log/Logger.js';
import type { LogFloodLimiter } from '../log/LogFloodLimiter.js';
import type { Clock } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { MembershipEvent } from './MembershipEvent.js';
import type { MembershipTimings } from './MembershipOptions.js';
import type { NodeRecord } from './NodeRecord.js';
import type { NodeTable } from './NodeTable.js';
import type { SendHistory } from './SendHistory.js';
import type { SequenceGate } from './SequenceGate.js';

/** heartbeat's process-wide protocol flags, shared by the message processors. */
export interface MembershipFlags {
  /** enable_flow_control: on until a peer's status lacks `protocol`. */
  flowControl: boolean;
  /** heartbeat_comm_state == COMM_LINKSUP. */
  commLinksUp: boolean;
  /** comm_now_up has run (we went active). */
  commNowUp: boolean;
  /** get_reqnodes_reply. */
  reqnodesReplied: boolean;
  initDeadtimePassed: boolean;
  /** live_node_count: normal nodes up or active, ourselves included. */
  liveNodeCount: number;
  /** send_cluster_msg_level: sends in progress (nested through loopback). */
  sendDepth: number;
  /** The peer whose ACK currently holds back the history's ackseq. */
  lowestAckNode: NodeRecord | undefined;
}

/** What the message processors (status, ack, rexmit, node lists) share with Membership. */
export interface MembershipRuntime {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Lines a replayed or forged packet triggers go through it, so a flood of them stays small. */
  readonly floodLimiter: LogFloodLimiter;
  readonly timings: MembershipTimings;
  readonly table: NodeTable;
  readonly history: SendHistory;
  readonly gate: SequenceGate;
  readonly flags: MembershipFlags;
  local(): NodeRecord;
  /** send_cluster_msg: stamp, remember, loop back, transmit. */
  send(message: HaMessage): void;
  /** Re-sends a stored message unchanged to every medium (no loopback). */
  retransmit(message: HaMessage): void;
  emit(event: MembershipEvent): void;
  markNodeDead(node: NodeRecord): void;
  /** A status arrived or a timeout basis changed: re-arm the liveness deadline. */
  livenessChanged(): void;
  commNowUp(): void;
  /** send_local_status: our status heartbeat now, out of its keepalive rhythm. */
  sendLocalStatus(): void;
}
