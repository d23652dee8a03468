import { HaError } from '../errors/HaError.js';
import type { ByteWriter } from './ByteWriter.js';
import type { HaMessage } from './HaMessage.js';
import { stringValueBytes } from './stringValueBytes.js';
import { classicEscapes } from './classicEscapes.js';
import { encodedName } from './encodedName.js';
import { writePackedList } from './writePackedList.js';
import { wireLimits } from './wireLimits.js';

const NEWLINE = 0x0a;
const EQUALS = 0x3d;

export interface ClassicWriteOptions {
  /** `>>>\n` … `<<<\n` around the fields (heartbeat's NEEDHEAD). */
  readonly head: boolean;
  /** Leave out every `auth` field: the text the inner auth token signs (heartbeat's NOHEAD). */
  readonly skipAuth: boolean;
}

/** Writes a message as classic text (cluster-glue `msg2string_buf`). */
export function writeClassic(w: ByteWriter, msg: HaMessage, depth: number, options: ClassicWriteOptions): void {
  if (options.head) w.ascii('>>>\n');
  for (const field of msg.fields) {
    if (options.skipAuth && field.name === 'auth') continue;
    const name = encodedName(field.name);
    switch (field.type) {
      case 'string': {
        stringValueBytes(field.name, field.value);
        w.bytes(name);
        w.byte(EQUALS);
        if (field.value.includes('\x13')) {
          throw new HaError('WIRE_UNENCODABLE', `string ${JSON.stringify(field.name)} contains byte 0x13, which classic text reads back as a newline`);
        }
        const start = w.pos;
        w.utf8(field.value);
        if (field.value.includes('\n')) replaceByte(w, start, NEWLINE, classicEscapes.stringNewline);
        break;
      }
      case 'binary':
      case 'compressed':
        w.ascii(field.type === 'binary' ? '(1)' : '(4)');
        w.bytes(name);
        w.byte(EQUALS);
        w.base64(field.value);
        break;
      case 'list':
        // Heartbeat packs lists without escaping: a newline would end the line early.
        if (field.value.some((item) => item.includes('\n'))) {
          throw new HaError('WIRE_UNENCODABLE', `list ${JSON.stringify(field.name)} has an element with a newline, which classic text cannot carry`);
        }
        w.ascii('(3)');
        w.bytes(name);
        w.byte(EQUALS);
        writePackedList(w, field.name, field.value);
        break;
      case 'struct': {
        const escape = classicEscapes.structNewline[depth];
        if (escape === undefined) {
          throw new HaError('WIRE_UNENCODABLE', `struct ${JSON.stringify(field.name)} nests deeper than ${wireLimits.maxDepth} levels`);
        }
        w.ascii('(2)');
        w.bytes(name);
        w.byte(EQUALS);
        const start = w.pos;
        writeClassic(w, field.value, depth + 1, { head: true, skipAuth: false });
        if (w.view(start).includes(escape)) {
          throw new HaError('WIRE_UNENCODABLE', `struct ${JSON.stringify(field.name)} contains byte 0x${escape.toString(16)}, its newline escape at depth ${depth}`);
        }
        replaceByte(w, start, NEWLINE, escape);
        break;
      }
    }
    w.byte(NEWLINE);
  }
  if (options.head) w.ascii('<<<\n');
}

function replaceByte(w: ByteWriter, start: number, from: number, to: number): void {
  const buf = w.buf;
  for (let i = start; i < w.pos; i++) if (buf[i] === from) buf[i] = to;
}
