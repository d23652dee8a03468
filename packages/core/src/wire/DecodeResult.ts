import type { HaMessage } from './HaMessage.js';

/**
 * Why bytes are not a heartbeat message. Stable strings: they appear in `ha wire decode --json`
 * and in logs.
 */
export type DecodeFailureReason =
  | 'truncated' // the data ends inside a field, a prefix or a length
  | 'too-large' // longer than MAXMSG
  | 'bad-prefix' // neither `###\n` nor `>>>\n`
  | 'bad-length' // a netstring length that is not digits followed by `:`, or an item not closed by `,`
  | 'bad-nesting' // a nested struct that is malformed, has bytes after its end, or nests too deep
  | 'invalid-utf8' // a name or a string value that is not valid UTF-8
  | 'missing-end' // no `%%%\n` / `<<<\n`
  | 'bad-field' // no `=`, an empty or forbidden name, a NUL in a name or string
  | 'bad-type' // a type digit heartbeat cannot carry on the wire (only 0-4; 1-4 in classic)
  | 'bad-value' // binary/compressed value that is not canonical base64 (classic)
  | 'bad-list' // a packed list that is not `len:str,` items of non-empty strings
  | 'bad-trailer' // bytes after `%%%\n` that are not one `len:slot token,` netstring
  | 'trailing-bytes'; // bytes after the end of the message (or after the trailer)

/** The outer authentication netstring of a UDP packet: `<len>:<slot> <token>,`. */
export interface NetstringTrailer {
  readonly slot: number;
  readonly token: string;
}

export type DecodeResult =
  | {
      readonly ok: true;
      readonly message: HaMessage;
      readonly format: 'netstring' | 'classic';
      /** Netstring only, when present. */
      readonly trailer?: NetstringTrailer;
      /** Netstring only: the `###\n`…`%%%\n` bytes the trailer signs (a view into the input). */
      readonly signedBytes?: Uint8Array;
    }
  | { readonly ok: false; readonly reason: DecodeFailureReason; readonly detail: string };
