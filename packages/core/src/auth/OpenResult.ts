import type { HaMessage } from '../wire/HaMessage.js';
import type { DecodeFailureReason } from '../wire/DecodeResult.js';

/** Why a packet was refused: it did not decode, or its authentication did not hold. */
export type OpenFailureReason = DecodeFailureReason | 'auth-missing' | 'auth-failed' | 'unknown-slot';

export type OpenResult =
  | {
      readonly ok: true;
      readonly message: HaMessage;
      readonly format: 'netstring' | 'classic';
      /** The authkeys slot whose key verified the packet. */
      readonly slot: number;
    }
  | { readonly ok: false; readonly reason: OpenFailureReason; readonly detail: string };
