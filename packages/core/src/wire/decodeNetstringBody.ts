import { DecodeFailure } from './DecodeFailure.js';
import type { HaField } from './HaField.js';
import { HaMessage } from './HaMessage.js';
import { decodeFieldName } from './decodeFieldName.js';
import { decodePackedList } from './decodePackedList.js';
import { decodeText } from './decodeText.js';
import { nestedFailure } from './nestedFailure.js';
import { wireLimits } from './wireLimits.js';

const maxLengthDigits = 7;

export interface Decoded {
  readonly message: HaMessage;
  /** Offset just past `%%%\n`. */
  readonly next: number;
}

/**
 * A netstring message starting at `start` (which holds `###\n`) and lying within `end`
 * (cluster-glue `netstring2msg_rec`, with its lengths checked instead of trusted).
 */
export function decodeNetstringBody(buf: Buffer, start: number, end: number, depth: number): Decoded {
  const message = new HaMessage(); // filled in place: the constructor would copy a field array
  const fields = message.fields;
  let pos = start + 4;
  for (;;) {
    if (pos >= end) throw new DecodeFailure('missing-end', `no '%%%\\n' before the end of the data (offset ${pos})`);
    const c = buf[pos] as number;
    if (c === 0x25) {
      if (end - pos >= 4 && buf[pos + 1] === 0x25 && buf[pos + 2] === 0x25 && buf[pos + 3] === 0x0a) {
        return { message, next: pos + 4 };
      }
      throw new DecodeFailure(end - pos < 4 ? 'missing-end' : 'bad-length', `malformed end marker at offset ${pos}`);
    }
    let len = 0;
    const digitsStart = pos;
    for (; pos < end && pos - digitsStart <= maxLengthDigits; pos++) {
      const d = (buf[pos] as number) - 0x30;
      if (d < 0 || d > 9) break;
      len = len * 10 + d;
    }
    if (pos === digitsStart) throw new DecodeFailure('bad-length', `expected a length at offset ${pos}`);
    if (pos - digitsStart > maxLengthDigits) throw new DecodeFailure('bad-length', `length at offset ${digitsStart} has too many digits`);
    if (pos >= end) throw new DecodeFailure('truncated', `data ends inside the length at offset ${digitsStart}`);
    if (buf[pos] !== 0x3a) throw new DecodeFailure('bad-length', `expected ':' after the length at offset ${pos}`);
    const itemStart = pos + 1;
    const itemEnd = itemStart + len;
    if (itemEnd >= end) throw new DecodeFailure('truncated', `item at offset ${digitsStart} claims ${len} bytes, beyond the end of the data`);
    if (buf[itemEnd] !== 0x2c) throw new DecodeFailure('bad-length', `item at offset ${digitsStart} is not followed by ','`);
    fields.push(decodeItem(buf, itemStart, itemEnd, depth));
    pos = itemEnd + 1;
  }
}

function decodeItem(buf: Buffer, start: number, end: number, depth: number): HaField {
  if (end - start < 5 || buf[start] !== 0x28 || buf[start + 2] !== 0x29) {
    throw new DecodeFailure('bad-field', `item at offset ${start} does not start with '(d)name='`);
  }
  const digit = (buf[start + 1] as number) - 0x30;
  if (digit < 0 || digit > 4) throw new DecodeFailure('bad-type', `item at offset ${start} has type '${String.fromCharCode(digit + 0x30)}'`);
  let eq = start + 3;
  while (eq < end && buf[eq] !== 0x3d) eq++;
  if (eq === end) throw new DecodeFailure('bad-field', `item at offset ${start} has no '='`);
  const name = decodeFieldName(buf, start + 3, eq);
  const valueStart = eq + 1;
  switch (digit) {
    case 0:
      return { name, type: 'string', value: decodeText(buf, valueStart, end, 'value of', name) };
    case 1:
      return { name, type: 'binary', value: copyBytes(buf, valueStart, end) };
    case 4:
      return { name, type: 'compressed', value: copyBytes(buf, valueStart, end) };
    case 3:
      return { name, type: 'list', value: decodePackedList(buf, valueStart, end, name) };
    default:
      return { name, type: 'struct', value: decodeStruct(buf, valueStart, end, depth, name) };
  }
}

function decodeStruct(buf: Buffer, start: number, end: number, depth: number, name: string): HaMessage {
  if (depth + 1 > wireLimits.maxDepth) {
    throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} nests deeper than ${wireLimits.maxDepth} levels`);
  }
  if (end - start < 4 || buf[start] !== 0x23 || buf[start + 1] !== 0x23 || buf[start + 2] !== 0x23 || buf[start + 3] !== 0x0a) {
    throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} at offset ${start} does not start with '###\\n'`);
  }
  let inner: Decoded;
  try {
    inner = decodeNetstringBody(buf, start, end, depth + 1);
  } catch (e) {
    throw nestedFailure(e, name);
  }
  if (inner.next !== end) throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} has bytes after its '%%%\\n'`);
  return inner.message;
}

/** A copy as a plain Uint8Array (a Buffer would compare unequal to one in tests and tools). */
function copyBytes(buf: Buffer, start: number, end: number): Uint8Array {
  const n = end - start;
  const out = new Uint8Array(n);
  if (n > 64) out.set(buf.subarray(start, end));
  else for (let i = 0; i < n; i++) out[i] = buf[start + i] as number; // short values: no native call
  return out;
}
