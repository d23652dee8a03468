import type { LinkRecord } from './LinkRecord.js';
import type { NodeType } from './NodeType.js';
import { PeerCounters } from './PeerCounters.js';
import type { SeqTrack } from './SeqTrack.js';

/** heartbeat's `struct node_info`: everything membership tracks about one node, ourselves included. */
export class NodeRecord {
  name: string;
  readonly type: NodeType;
  uuid: Uint8Array | undefined;
  /** `init`, `up`, `active`, `dead`, `ping`, or whatever a peer announced in `st`. */
  status = 'init';
  /** The node's death timeout: its announced `dt`, or deadtime/deadping until it announces one. */
  deadMs: number;
  /** Monotonic ms of the last accepted status message; undefined right after a restart. */
  localLastUpdateMs: number | undefined;
  /** `ts` (wall seconds) of the last accepted status message. */
  rmtLastUpdate = 0;
  statusSeqno = 0;
  anyPacketsYet = false;
  /** Monotonic ms of the first packet heard since it (or we) started, or since it was declared dead. */
  firstPacketMs: number | undefined;
  /** Whether a status of its current incarnation was accepted (localLastUpdateMs is set at our start too). */
  statusHeard = false;
  /** autojoin: the first status of a newly added node is reported only with its second one. */
  statusSuppressed = false;
  readonly links = new Map<string, LinkRecord>();
  readonly track: SeqTrack;
  /** Heartbeat intervals and retransmissions, for metrics. */
  readonly counters = new PeerCounters();

  constructor(init: {
    name: string;
    type: NodeType;
    deadMs: number;
    nowMs: number;
    ackTrigger: number;
    linkNames: readonly string[];
  }) {
    this.name = init.name;
    this.type = init.type;
    this.uuid = undefined;
    this.deadMs = init.deadMs;
    this.localLastUpdateMs = init.nowMs;
    this.track = {
      generation: 0,
      lastSeq: undefined,
      firstMissingSeq: 0,
      missing: new Set(),
      ackTrigger: init.ackTrigger,
      ackseq: 0,
    };
    for (const name of init.linkNames) {
      if (!this.links.has(name)) this.links.set(name, { name, status: 'dead', lastUpdateMs: init.nowMs });
    }
  }
}
