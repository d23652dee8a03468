import { HaError } from '../errors/HaError.js';
import type { ByteWriter } from './ByteWriter.js';
import type { HaMessage } from './HaMessage.js';
import { encodedName } from './encodedName.js';
import { stringValueBytes } from './stringValueBytes.js';
import { writePackedList } from './writePackedList.js';
import { wireLimits } from './wireLimits.js';

const COLON = 0x3a;
const EQUALS = 0x3d;
const COMMA = 0x2c;
// Room reserved for a struct item's length digits; MAXMSG (262144) needs 6.
const lengthReserve = 6;

/**
 * Writes `###\n` + one `<len>:(d)name=value,` netstring per field + `%%%\n`
 * (cluster-glue `msg2netstring_buf`). Structs nest as complete netstring messages.
 */
export function writeNetstring(w: ByteWriter, msg: HaMessage, depth: number): void {
  w.ascii('###\n');
  for (const field of msg.fields) {
    const name = encodedName(field.name);
    switch (field.type) {
      case 'string': {
        const valueBytes = stringValueBytes(field.name, field.value);
        w.decimal(4 + name.length + valueBytes);
        w.ascii(':(0)');
        w.bytes(name);
        w.byte(EQUALS);
        w.utf8(field.value);
        break;
      }
      case 'binary':
      case 'compressed': {
        w.decimal(4 + name.length + field.value.length);
        w.ascii(field.type === 'binary' ? ':(1)' : ':(4)');
        w.bytes(name);
        w.byte(EQUALS);
        w.bytes(field.value);
        break;
      }
      case 'list': {
        const lengthAt = beginItem(w);
        w.ascii('(3)');
        w.bytes(name);
        w.byte(EQUALS);
        writePackedList(w, field.name, field.value);
        endItem(w, lengthAt);
        break;
      }
      case 'struct': {
        if (depth + 1 > wireLimits.maxDepth) {
          throw new HaError('WIRE_UNENCODABLE', `struct ${JSON.stringify(field.name)} nests deeper than ${wireLimits.maxDepth} levels`);
        }
        const lengthAt = beginItem(w);
        w.ascii('(2)');
        w.bytes(name);
        w.byte(EQUALS);
        writeNetstring(w, field.value, depth + 1);
        endItem(w, lengthAt);
        break;
      }
    }
    w.byte(COMMA);
  }
  w.ascii('%%%\n');
}

// A netstring whose length is known only once its body is written: room for the length is
// reserved, then the body is moved back against the digits. (No closure here: one capturing the
// loop's variables would cost an allocation per field, on every field.)
function beginItem(w: ByteWriter): number {
  const lengthAt = w.pos;
  w.ensure(lengthReserve + 1);
  w.pos += lengthReserve + 1;
  return lengthAt;
}

function endItem(w: ByteWriter, lengthAt: number): void {
  const bodyStart = lengthAt + lengthReserve + 1;
  const digits = String(w.pos - bodyStart);
  const shift = lengthReserve - digits.length;
  w.buf.copyWithin(bodyStart - shift, bodyStart, w.pos);
  w.pos -= shift;
  for (let i = 0; i < digits.length; i++) w.buf[lengthAt + i] = digits.charCodeAt(i);
  w.buf[lengthAt + digits.length] = COLON;
}
