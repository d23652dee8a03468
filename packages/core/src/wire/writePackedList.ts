import { HaError } from '../errors/HaError.js';
import type { ByteWriter } from './ByteWriter.js';
import { stringValueBytes } from './stringValueBytes.js';

/** `<len>:<str>,` per element (cluster-glue `string_list_pack`); heartbeat refuses empty elements and empty lists. */
export function writePackedList(w: ByteWriter, name: string, list: readonly string[]): void {
  if (list.length === 0) {
    throw new HaError('WIRE_UNENCODABLE', `list ${JSON.stringify(name)} is empty (heartbeat cannot unpack it)`);
  }
  for (const item of list) {
    if (item.length === 0) {
      throw new HaError('WIRE_UNENCODABLE', `list ${JSON.stringify(name)} has an empty element (heartbeat cannot unpack it)`);
    }
    w.decimal(stringValueBytes(name, item));
    w.byte(0x3a);
    w.utf8(item);
    w.byte(0x2c);
  }
}
