import { HaError } from '../errors/HaError.js';
import type { ByteWriter } from './ByteWriter.js';
import type { HaMessage } from './HaMessage.js';
import { checkStringValue } from './checkStringValue.js';
import { encodedName } from './encodedName.js';
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
        checkStringValue(field.name, field.value);
        const valueBytes = Buffer.byteLength(field.value, 'utf8');
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
        writeItem(w, () => {
          w.ascii('(3)');
          w.bytes(name);
          w.byte(EQUALS);
          writePackedList(w, field.name, field.value);
        });
        continue;
      }
      case 'struct': {
        if (depth + 1 > wireLimits.maxDepth) {
          throw new HaError('WIRE_UNENCODABLE', `struct ${JSON.stringify(field.name)} nests deeper than ${wireLimits.maxDepth} levels`);
        }
        writeItem(w, () => {
          w.ascii('(2)');
          w.bytes(name);
          w.byte(EQUALS);
          writeNetstring(w, field.value, depth + 1);
        });
        continue;
      }
    }
    w.byte(COMMA);
  }
  w.ascii('%%%\n');
}

/** Writes one netstring whose length is known only after its body is written. */
function writeItem(w: ByteWriter, body: () => void): void {
  const lengthAt = w.pos;
  w.ensure(lengthReserve + 1);
  w.pos += lengthReserve + 1;
  const bodyStart = w.pos;
  body();
  const digits = String(w.pos - bodyStart);
  const shift = lengthReserve - digits.length;
  w.buf.copyWithin(bodyStart - shift, bodyStart, w.pos);
  w.pos -= shift;
  w.buf.write(digits, lengthAt, 'latin1');
  w.buf[lengthAt + digits.length] = COLON;
  w.byte(COMMA);
}
