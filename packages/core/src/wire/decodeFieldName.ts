import { DecodeFailure } from './DecodeFailure.js';
import { decodeText } from './decodeText.js';

// Short printable-ASCII names seen before, by a hash of their bytes: messages reuse a handful of
// names, and returning the same string saves building one per field.
const interned = new Map<number, string>();
const internLimit = 4096;
const internMaxLength = 24;

/** A field name `[start, end)`: non-empty, no newline, and none that heartbeat would refuse or misread. */
export function decodeFieldName(buf: Buffer, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) throw new DecodeFailure('bad-field', `empty field name at offset ${start}`);
  let hash = length;
  let plain = length <= internMaxLength;
  for (let i = start; plain && i < end; i++) {
    const c = buf[i] as number;
    if (c < 0x21 || c > 0x7e) plain = false;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (plain) {
    const known = interned.get(hash);
    if (known !== undefined && sameBytes(known, buf, start, length)) return known;
  }
  for (let i = start; i < end; i++) {
    if (buf[i] === 0x0a) throw new DecodeFailure('bad-field', `field name at offset ${start} contains a newline`);
  }
  const name = decodeText(buf, start, end, 'field name');
  if (name.startsWith('(') || name.startsWith('>>>')) {
    throw new DecodeFailure('bad-field', `field name ${JSON.stringify(name)} at offset ${start} is not allowed`);
  }
  if (plain) {
    if (interned.size >= internLimit) interned.clear();
    interned.set(hash, name);
  }
  return name;
}

function sameBytes(s: string, buf: Buffer, start: number, length: number): boolean {
  if (s.length !== length) return false;
  for (let i = 0; i < length; i++) if (s.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}
