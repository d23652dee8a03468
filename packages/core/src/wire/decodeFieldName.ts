import { DecodeFailure } from './DecodeFailure.js';
import { decodeText } from './decodeText.js';

/** A field name `[start, end)`: non-empty, no newline, and none that heartbeat would refuse or misread. */
export function decodeFieldName(buf: Buffer, start: number, end: number): string {
  if (end <= start) throw new DecodeFailure('bad-field', `empty field name at offset ${start}`);
  const nl = buf.indexOf(0x0a, start);
  if (nl !== -1 && nl < end) throw new DecodeFailure('bad-field', `field name at offset ${start} contains a newline`);
  const name = decodeText(buf, start, end, 'field name');
  if (name.startsWith('(') || name.startsWith('>>>')) {
    throw new DecodeFailure('bad-field', `field name ${JSON.stringify(name)} at offset ${start} is not allowed`);
  }
  return name;
}
