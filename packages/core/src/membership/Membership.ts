import type { Logger } from '../log/Logger.js';
import { LogFloodLimiter } from '../log/LogFloodLimiter.js';
import type { Clock, Timer } from '../time/Clock.js';
import { HaMessage } from '../wire/HaMessage.js';
import { AckProcessor } from './AckProcessor.js';
import { addControlFields } from './addControlFields.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import { LivenessMonitor } from './LivenessMonitor.js';
import { LocalStatus } from './LocalStatus.js';
import { MsgFreeTicks } from './MsgFreeTicks.js';
import type { MembershipEvent } from './MembershipEvent.js';
import type { MembershipOptions, MembershipTimings } from './MembershipOptions.js';
import type { MembershipFlags, MembershipRuntime } from './MembershipRuntime.js';
import type { MembershipSnapshot } from './MembershipSnapshot.js';
import { snapshotOf } from './snapshotOf.js';
import { MessageIntake } from './MessageIntake.js';
import { NodeListSync } from './NodeListSync.js';
import { NodeRecord } from './NodeRecord.js';
import { NodeTable } from './NodeTable.js';
import { parseHex } from './parseHex.js';
import { RexmitRequests } from './RexmitRequests.js';
import { RexmitResponder } from './RexmitResponder.js';
import { SendHistory } from './SendHistory.js';
import { SequenceGate } from './SequenceGate.js';
import { ShutdownSequence } from './ShutdownSequence.js';
import { StatusProcessor } from './StatusProcessor.js';

/**
 * One node's view of cluster membership, heartbeat 3.0.6's master control process without its
 * I/O: status heartbeats, liveness, links, sequence tracking, ACKs, retransmission, node-list sync
 * and the graceful leave. Driven only by the injected Clock and by `receive`; everything it sends
 * goes through `transmit` after being looped back to itself first, as heartbeat does.
 */
export class Membership implements MembershipRuntime {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly floodLimiter: LogFloodLimiter;
  /** ha.cf's timings; a reload may change keepalive, deadtime and warntime (see retime). */
  timings: MembershipTimings;
  readonly table: NodeTable;
  readonly history = new SendHistory();
  readonly gate: SequenceGate;
  readonly flags: MembershipFlags = {
    flowControl: true,
    commLinksUp: false,
    commNowUp: false,
    reqnodesReplied: false,
    initDeadtimePassed: false,
    liveNodeCount: 1,
    sendDepth: 0,
    lowestAckNode: undefined,
  };
  private readonly localRecord: NodeRecord;
  private readonly rexmit: RexmitRequests;
  private readonly nodeList: NodeListSync;
  private readonly status: LocalStatus;
  private readonly liveness: LivenessMonitor;
  private readonly intake: MessageIntake;
  private readonly shutdownSequence: ShutdownSequence;
  private readonly listeners = new Set<(event: MembershipEvent) => void>();
  private readonly timers: Timer[] = [];
  private keepaliveTimer: Timer | undefined;
  /** Messages stamped and stored, waiting for the one being processed and sent before them. */
  private readonly outbox: HaMessage[] = [];
  private draining = false;
  private pollTimer: Timer | undefined;
  private readonly freeTicks = new MsgFreeTicks();
  private readonly random: () => number;
  private seq = 0;
  private running = false;

  constructor(private readonly options: MembershipOptions) {
    this.clock = options.clock;
    this.logger = options.logger;
    this.floodLimiter = new LogFloodLimiter(this.clock, this.logger, 'refused packets');
    this.timings = options;
    this.random = options.random ?? Math.random;
    const linkNames = [...new Set(options.linkNames)];
    this.table = new NodeTable(this.logger, (name, type) => {
      return new NodeRecord({
        name,
        type,
        deadMs: type === 'ping' ? this.timings.deadpingMs : this.timings.deadtimeMs,
        nowMs: this.clock.now(),
        ackTrigger: Math.floor(this.random() * K.ackMsgDiv),
        linkNames: type === 'ping' ? [] : linkNames,
      });
    });
    for (const name of options.nodes) this.table.add(name, 'normal');
    for (const name of options.pingNodes ?? []) this.table.add(name, 'ping');
    const local = this.table.byName(options.localNode);
    if (local === undefined) throw new Error(`local node ${options.localNode} is not among the configured nodes`);
    this.localRecord = local;
    this.table.bindUuid(local, options.uuid);
    this.rexmit = new RexmitRequests(this.clock, this.logger, options.maxRexmitDelayMs, this.random, (node, seq) =>
      this.send(
        HaMessage.fromStrings([
          ['t', 'NS_rexmit'],
          ['dest', node.name],
          ['firstseq', String(seq)],
          ['lastseq', String(seq)],
        ]),
      ),
    );
    this.gate = new SequenceGate({
      logger: this.logger,
      floodLimiter: this.floodLimiter,
      table: this.table,
      rexmit: this.rexmit,
      localNode: () => this.localRecord,
      localUuid: () => options.uuid,
      flowControl: () => this.flags.flowControl,
      sendAck: (node, seq) =>
        this.send(HaMessage.fromStrings([['t', 'NS_ackmsg'], ['dest', node.name], ['ackseq', seq.toString(16)]])),
      uuidLearned: () => options.onUuidLearned?.(),
      partitionHealed: (node) => {
        this.sendLocalStatus();
        this.emit({ kind: 'partition-healed', node: node.name });
      },
    });
    this.nodeList = new NodeListSync(this);
    this.status = new LocalStatus(this);
    this.liveness = new LivenessMonitor(this, this.nodeList, options.autojoin);
    this.shutdownSequence = new ShutdownSequence(this, () => this.sendLocalStatus());
    this.intake = new MessageIntake(this, {
      status: new StatusProcessor(this),
      acks: new AckProcessor(this),
      responder: new RexmitResponder(this),
      nodeList: this.nodeList,
      liveness: this.liveness,
      shutdown: this.shutdownSequence,
      autojoin: options.autojoin,
    });
  }

  local(): NodeRecord {
    return this.localRecord;
  }

  get localStatus(): string {
    return this.localRecord.status;
  }

  /** Our process id, as heartbeat prints it in some lines. */
  get pid(): number {
    return this.options.pid ?? process.pid;
  }

  get generation(): number {
    return this.options.generation;
  }

  on(listener: (event: MembershipEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: MembershipEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** master_control_process: boosted deadtime, `init`/`up`/`up` statuses, then the periodic work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const now = this.clock.now();
    for (const node of this.table.all()) node.localLastUpdateMs = now;
    this.status.addDeadtime(K.startupDeadtimeBoostMs);
    this.timers.push(this.clock.setTimeout(() => this.freeTicks.beforeTick(() => this.status.popDeadtime()), K.startupDeadtimeBoostDurationMs));
    this.setLocalStatus('up');
    this.sendLocalStatus();
    this.armKeepalive(true);
    this.timers.push(
      this.clock.setTimeout(() => {
        this.flags.initDeadtimePassed = true;
      }, this.timings.initdeadMs),
    );
    this.freeTicks.start(now);
    this.pollTimer = this.clock.setInterval(() => this.poll(), K.pollIntervalMs);
    this.timers.push(this.pollTimer);
    this.poll();
    this.liveness.rescheduleDeadline();
  }

  /**
   * A reload changed keepalive, deadtime or warntime. The new deadtime is announced (`dt`) at once,
   * before a longer keepalive can make the next status late for a peer; peers not heard from yet
   * take it as their timeout too (the others keep the `dt` they announce). A new keepalive re-arms
   * the send interval from now.
   */
  retime(timings: Pick<MembershipTimings, 'keepaliveMs' | 'deadtimeMs' | 'warntimeMs'>): void {
    const keepaliveChanged = timings.keepaliveMs !== this.timings.keepaliveMs;
    this.timings = { ...this.timings, ...timings };
    for (const node of this.table.all()) {
      if (node !== this.localRecord && node.type === 'normal' && !node.anyPacketsYet) node.deadMs = timings.deadtimeMs;
    }
    if (!this.running) return;
    this.status.retimed();
    if (keepaliveChanged) this.armKeepalive(false);
    this.livenessChanged();
  }

  /** `atStart`: the first keepalive, whose sends come before a msgfree tick due at the same millisecond. */
  private armKeepalive(atStart: boolean): void {
    const previous = this.keepaliveTimer;
    if (previous !== undefined) {
      previous.cancel();
      this.timers.splice(this.timers.indexOf(previous), 1);
    }
    const send = atStart ? () => this.freeTicks.beforeTick(() => this.sendLocalStatus()) : () => this.sendLocalStatus();
    this.keepaliveTimer = this.clock.setInterval(send, this.timings.keepaliveMs);
    this.timers.push(this.keepaliveTimer);
  }

  /** Stops every timer at once, sending nothing: a crash, or the end of the graceful leave. */
  halt(): void {
    this.running = false;
    this.keepaliveTimer = undefined;
    this.pollTimer = undefined;
    this.freeTicks.stop();
    for (const timer of this.timers.splice(0)) timer.cancel();
    this.rexmit.cancelAll();
    this.nodeList.cancel();
    this.liveness.cancel();
    this.floodLimiter.flush();
  }

  /** Authenticated packets refused (replays of an old generation, bad sequence fields...), by reason. */
  refusals(): Record<string, number> {
    return this.floodLimiter.counts();
  }

  /** Of those, the ones not logged in full because a flood of them was being summarised. */
  unloggedRefusals(): Record<string, number> {
    return this.floodLimiter.unwrittenCounts();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * The graceful leave of hb_initiate_shutdown / hb_giveup_resources / hb_mcp_final_shutdown:
   * status, `shutdone st=dead`, then two statuses a second later and a second more before the
   * media may close. `releaseResources` is the resource layer's part (none yet).
   */
  shutdown(releaseResources?: () => Promise<void>): Promise<void> {
    return this.shutdownSequence.run(releaseResources);
  }

  /** A message from a medium, already authenticated and decoded. */
  receive(message: HaMessage, linkName: string): void {
    if (!this.running) return;
    this.freeTicks.catchUp(this.history, this.clock.now());
    this.intake.process(message, linkName);
  }

  /** Every medium carrying `linkName` lost its carrier: mark those links dead at once. */
  mediumLost(linkName: string): void {
    if (this.running) this.liveness.mediumLost(linkName);
  }

  /** send_cluster_msg for the layers above (resource messages...). */
  send(message: HaMessage): void {
    const stamped = addControlFields(message, {
      localNode: this.localRecord.name,
      localUuid: this.options.uuid,
      generation: this.options.generation,
      logger: this.logger,
      nextSeq: () => ++this.seq,
      wallSeconds: () => Math.floor(this.clock.wallTime().getTime() / 1000),
      loadAverage: this.options.loadAverage ?? (() => 'n/a'),
      ttl: () => this.timings.hopfudge + this.table.count,
      uuidOf: (name) => this.table.byName(name)?.uuid,
      nameOf: (uuid) => this.table.lookup('', uuid)?.name,
    });
    if (stamped === undefined) return;
    // Stored, not yet on the wire: the history keeps it whatever an ACK frees meanwhile.
    this.flags.sendDepth++;
    const seq = parseHex(stamped.get('seq'));
    if (seq !== undefined) this.remember(seq, stamped);
    // As heartbeat's master control does with its FIFO: each message is processed here (acked,
    // counted) and then sent, one after the other. A message sent while processing another (our
    // status completing comm-up sends `active`) waits for it, so peers see our seqs in order.
    // One without a seq (NS_ackmsg) goes at once: heartbeat sends the ACK of our own message
    // before that message.
    if (this.draining) {
      if (seq === undefined) this.transmitOwn(stamped);
      else this.outbox.push(stamped);
      return;
    }
    this.draining = true;
    try {
      this.transmitOwn(stamped);
      for (let next = this.outbox.shift(); next !== undefined; next = this.outbox.shift()) this.transmitOwn(next);
    } finally {
      this.draining = false;
    }
  }

  /** Our own message processed as if it came back from the wire, then sent. */
  private transmitOwn(message: HaMessage): void {
    try {
      this.intake.process(message, undefined);
      this.options.transmit(message);
    } finally {
      this.flags.sendDepth--;
    }
  }

  retransmit(message: HaMessage): void {
    this.options.transmit(message);
  }

  /** Our seq counter: the seq of the last message we sent. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Pending retransmission requests to a node (tests, status). */
  pendingRexmits(node: string): number[] {
    const record = this.table.byName(node);
    return record === undefined ? [] : this.rexmit.pending(record).sort((a, b) => a - b);
  }

  snapshot(): MembershipSnapshot {
    return snapshotOf(this.localRecord, this.options.generation, this.flags, this.table.all());
  }

  sendLocalStatus(): void {
    this.status.send();
  }

  setLocalStatus(status: string): void {
    this.status.set(status);
  }

  commNowUp(): void {
    if (this.flags.commNowUp) return;
    this.flags.commNowUp = true;
    this.logger.info('Comm_now_up(): updating status to active');
    this.setLocalStatus('active');
    this.emit({ kind: 'comm-up' });
  }

  markNodeDead(node: NodeRecord): void {
    this.logger.warn(`node ${node.name}: is dead`);
    if (node === this.localRecord) {
      this.logger.error('No local heartbeat. Forcing restart.');
      this.logger.info('See URL: http://linux-ha.org/wiki/FAQ#No_Local_Heartbeat');
      if (!this.shutdownSequence.inProgress) this.emit({ kind: 'local-heartbeat-lost' });
      return;
    }
    if (node.type === 'normal' && node.status !== 'dead' && node.status !== 'init') this.flags.liveNodeCount--;
    const previous = node.status;
    const heardFrom = node.anyPacketsYet;
    node.status = 'dead';
    node.rmtLastUpdate = 0;
    node.anyPacketsYet = false;
    node.firstPacketMs = undefined;
    node.statusHeard = false;
    this.gate.reset(node);
    this.emit({ kind: 'node-status', node: node.name, status: 'dead', previous });
    this.emit({ kind: 'node-dead', node: node.name, heardFrom });
  }

  /** add2_xmit_hist: store, warn when the queue fills, let go when we are alone. */
  private remember(seq: number, message: HaMessage): void {
    const { history, flags } = this;
    this.freeTicks.catchUp(history, this.clock.now());
    history.add(seq, message);
    if (flags.flowControl && flags.liveNodeCount > 1) {
      const queued = history.hiseq - history.lowseq;
      const line = `Message hist queue is filling up (${queued} messages in queue)`;
      if (queued > (K.maxMsgHist * 9) / 10) this.logger.error(line);
      else if (queued > (K.maxMsgHist * 3) / 4) this.logger.warn(line);
    }
    if (flags.flowControl && history.hiseq - history.ackseq > K.flowControlLimit && flags.liveNodeCount < 2) {
      history.updateAckseq(history.hiseq - (K.flowControlLimit - 1), flags.sendDepth);
    }
  }

  livenessChanged(): void {
    if (this.running) this.liveness.rescheduleDeadline();
  }

  /**
   * polled_input_dispatch, every 250 ms until comm-up (and at each liveness deadline). After comm-up
   * the deadlines do all it did, so an idle node wakes only for its keepalive and its peers' packets.
   */
  private poll(): void {
    this.liveness.poll();
    if (this.flags.commLinksUp && this.pollTimer !== undefined) {
      this.pollTimer.cancel();
      this.timers.splice(this.timers.indexOf(this.pollTimer), 1);
      this.pollTimer = undefined;
    }
  }
}
