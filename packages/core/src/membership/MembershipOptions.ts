import type { Logger } from '../log/Logger.js';
import type { Clock } from '../time/Clock.js';
import type { HaMessage } from '../wire/HaMessage.js';

/** The ha.cf values membership uses, all times in ms (HaCf provides them). */
export interface MembershipTimings {
  readonly keepaliveMs: number;
  readonly deadtimeMs: number;
  readonly warntimeMs: number;
  readonly initdeadMs: number;
  readonly deadpingMs: number;
  readonly maxRexmitDelayMs: number;
  readonly hopfudge: number;
}

export interface MembershipOptions extends MembershipTimings {
  /** Our node name, lowercase. Must be one of `nodes` (heartbeat refuses to start otherwise). */
  readonly localNode: string;
  /** Our 16-byte uuid. */
  readonly uuid: Uint8Array;
  /** Our generation (`hg`). */
  readonly generation: number;
  /** `node` lines, lowercase, in ha.cf order. */
  readonly nodes: readonly string[];
  /** Ping and ping_group pseudo-nodes, after the normal nodes. */
  readonly pingNodes?: readonly string[];
  /** Link names of the non-ping media (interface or device), in media order; duplicates share one link. */
  readonly linkNames: readonly string[];
  readonly autojoin: 'none' | 'other' | 'any';
  readonly clock: Clock;
  readonly logger: Logger;
  /** Writes a message to every medium; called after our own loopback processing of it. */
  readonly transmit: (message: HaMessage) => void;
  /** Uniform in [0, 1): ACK triggers and rexmit delays (heartbeat uses rand()). Seed it to replay. */
  readonly random?: () => number;
  /** The `ld` field: first line of /proc/loadavg, `n/a` when unreadable. */
  readonly loadAverage?: () => string;
  /** A node's uuid was learnt or changed (heartbeat rewrites its host cache then). */
  readonly onUuidLearned?: () => void;
  /** Our process id, for heartbeat's "Heartbeat shutdown in progress. (pid)" line. */
  readonly pid?: number;
}
