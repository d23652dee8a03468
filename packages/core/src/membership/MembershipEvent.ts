import type { HaMessage } from '../wire/HaMessage.js';

/**
 * What membership tells the layers above it (the resource layer, the control socket, tests).
 * Every event happens after heartbeat's corresponding log line.
 */
export type MembershipEvent =
  /** Our own status changed (`init` -> `up` -> `active`). */
  | { readonly kind: 'local-status'; readonly status: string }
  /** A peer's status changed: a status message, or `dead` by timeout. */
  | { readonly kind: 'node-status'; readonly node: string; readonly status: string; readonly previous: string }
  /**
   * A peer was declared dead (`node X: is dead`). `heardFrom`: whether any packet came from it
   * since it was last declared dead (heartbeat's anypacketsyet, which decides on STONITH).
   */
  | { readonly kind: 'node-dead'; readonly node: string; readonly heardFrom: boolean }
  | { readonly kind: 'link-status'; readonly node: string; readonly link: string; readonly status: 'up' | 'dead' }
  /** Comm_now_up: every node heard or declared dead, node lists synchronised; we are active. */
  | { readonly kind: 'comm-up' }
  /** A peer restarted (a status with a higher generation). */
  | { readonly kind: 'node-restart'; readonly node: string }
  /** A peer we had declared dead is back with the same generation (split brain healed). */
  | { readonly kind: 'partition-healed'; readonly node: string }
  /** Our own status did not loop back within our deadtime ("No local heartbeat"). */
  | { readonly kind: 'local-heartbeat-lost' }
  /**
   * A new, authenticated message of a peer addressed to another node (membership drops it, as
   * heartbeat does); the resource layer notices a peer granting itself a group we run.
   */
  | { readonly kind: 'overheard'; readonly from: string; readonly message: HaMessage }
  /** Every accepted message addressed to us, ours included (after membership processed it). */
  | {
      readonly kind: 'message';
      readonly from: string;
      readonly fromSelf: boolean;
      readonly message: HaMessage;
      /** The medium's link name; undefined for our own loopback. */
      readonly linkName: string | undefined;
    };
