import type { HaMessage } from './HaMessage.js';

/**
 * One field of a heartbeat message, with heartbeat's type numbering: 0 string, 1 binary, 2 struct
 * (a nested message), 3 list of strings, 4 compressed bytes. Type 5 exists only in heartbeat's
 * memory and never reaches the wire.
 */
export type HaField =
  | { readonly name: string; readonly type: 'string'; readonly value: string }
  | { readonly name: string; readonly type: 'binary'; readonly value: Uint8Array }
  | { readonly name: string; readonly type: 'struct'; readonly value: HaMessage }
  | { readonly name: string; readonly type: 'list'; readonly value: readonly string[] }
  | { readonly name: string; readonly type: 'compressed'; readonly value: Uint8Array };

export type HaFieldType = HaField['type'];

/** The wire digit of each type, as in `(1)srcuuid=`. */
export const fieldTypeDigit: Readonly<Record<HaFieldType, number>> = {
  string: 0,
  binary: 1,
  struct: 2,
  list: 3,
  compressed: 4,
};
