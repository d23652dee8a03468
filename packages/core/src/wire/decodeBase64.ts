import { DecodeFailure } from './DecodeFailure.js';

/**
 * Classic text's binary values: standard base64 with padding. Only the canonical form is
 * accepted, because the inner auth token is checked over the re-encoded text.
 */
export function decodeBase64(buf: Buffer, start: number, end: number, name: string): Uint8Array {
  const text = buf.toString('latin1', start, end);
  const decoded = Buffer.from(text, 'base64');
  if (decoded.toString('base64') !== text) {
    throw new DecodeFailure('bad-value', `value of ${JSON.stringify(name)} at offset ${start} is not canonical base64`);
  }
  const out = new Uint8Array(decoded.length);
  out.set(decoded);
  return out;
}
