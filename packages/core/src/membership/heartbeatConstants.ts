/**
 * Heartbeat 3.0.6's fixed protocol numbers (heartbeat.h, heartbeat.c, hb_rexmit.c). They are not
 * configurable in heartbeat, and a peer relies on them, so they are not configurable here either.
 */
export const heartbeatConstants = {
  /** MAXMSGHIST: the send history ring. */
  maxMsgHist: 500,
  /** MAXMISSING-1: most missing seqs recorded per peer. */
  maxMissingRecorded: 499,
  /** FLOWCONTROL_LIMIT: a gap larger than this restarts tracking; unacked beyond it pauses clients. */
  flowControlLimit: 250,
  /** ACK_MSG_DIV: one ACK per ten in-sequence messages. */
  ackMsgDiv: 10,
  /** POLL_INTERVAL: how often liveness and comm-up are checked. */
  pollIntervalMs: 250,
  /** MAX_REXMIT_BATCH: most packets retransmitted for one request. */
  maxRexmitBatch: 50,
  /** hb_add_deadtime(2000) at start, popped after 5 s. */
  startupDeadtimeBoostMs: 2000,
  startupDeadtimeBoostDurationMs: 5000,
  /** Gmain_update_msgfree_count: a sent message stays in history at least 5 x 500 ms. */
  msgFreeIntervalMs: 500,
  msgFreeSlots: 5,
  /** PROTOCOL_VERSION announced in status messages while flow control is on. */
  protocolVersion: 1,
  /** send_reqnodes_msg retry interval. */
  reqnodesRetryMs: 1000,
  /** hb_mcp_final_shutdown: one second after our shutdone, then one second before closing media. */
  shutdownPhaseDelayMs: 1000,
  /** STATUSLENG: a status value must be 2..31 characters. */
  statusLength: 32,
} as const;
