import { DecodeFailure } from './DecodeFailure.js';
import { decodeText } from './decodeText.js';

const maxLengthDigits = 7;

/** A packed string list `<len>:<str>,…` (cluster-glue `string_list_unpack`, minus its leniency). */
export function decodePackedList(buf: Buffer, start: number, end: number, name: string): string[] {
  const items: string[] = [];
  let pos = start;
  while (pos < end) {
    let len = 0;
    const digitsStart = pos;
    while (pos < end && pos - digitsStart <= maxLengthDigits) {
      const c = buf[pos] as number;
      if (c < 0x30 || c > 0x39) break;
      len = len * 10 + (c - 0x30);
      pos++;
    }
    if (pos === digitsStart || pos - digitsStart > maxLengthDigits || buf[pos] !== 0x3a || len === 0) {
      throw new DecodeFailure('bad-list', `list ${JSON.stringify(name)}: bad element length at offset ${digitsStart}`);
    }
    pos++;
    const itemEnd = pos + len;
    if (itemEnd >= end || buf[itemEnd] !== 0x2c) {
      throw new DecodeFailure('bad-list', `list ${JSON.stringify(name)}: element at offset ${digitsStart} overruns or lacks ','`);
    }
    items.push(decodeText(buf, pos, itemEnd, 'element of list', name));
    pos = itemEnd + 1;
  }
  if (items.length === 0) throw new DecodeFailure('bad-list', `list ${JSON.stringify(name)} is empty`);
  return items;
}
