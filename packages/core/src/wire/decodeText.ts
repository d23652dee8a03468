import { DecodeFailure } from './DecodeFailure.js';

// ignoreBOM: a leading U+FEFF is data and must survive a round trip.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes `[start, end)` as a string, refusing invalid UTF-8 and NUL (heartbeat's strings are C
 * strings). ASCII, by far the common case, skips the TextDecoder. `what` and `name` only word
 * the failure (built on failure, so the hot path formats nothing).
 */
export function decodeText(buf: Buffer, start: number, end: number, what: string, name?: string): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = buf[i] as number;
    if (b === 0) throw new DecodeFailure('bad-field', `${describe(what, name)} contains NUL at offset ${i}`);
    if (b >= 0x80) ascii = false;
  }
  if (ascii) return buf.toString('latin1', start, end);
  try {
    return utf8.decode(buf.subarray(start, end));
  } catch {
    throw new DecodeFailure('invalid-utf8', `${describe(what, name)} at offset ${start} is not valid UTF-8`);
  }
}

function describe(what: string, name: string | undefined): string {
  return name === undefined ? what : `${what} ${JSON.stringify(name)}`;
}
