import { DecodeFailure } from './DecodeFailure.js';
import type { HaField } from './HaField.js';
import { HaMessage } from './HaMessage.js';
import { classicEscapes } from './classicEscapes.js';
import type { Decoded } from './decodeNetstringBody.js';
import { decodeBase64 } from './decodeBase64.js';
import { decodeFieldName } from './decodeFieldName.js';
import { decodePackedList } from './decodePackedList.js';
import { decodeText } from './decodeText.js';
import { nestedFailure } from './nestedFailure.js';

const NEWLINE = 0x0a;

/**
 * A classic text message starting at `start` (which holds `>>>\n`) and ending with `<<<\n`
 * within `end` (cluster-glue `string2msg_ll`). NUL bytes are refused by the value decoders.
 */
export function decodeClassicBody(buf: Buffer, start: number, end: number, depth: number): Decoded {
  const message = new HaMessage(); // filled in place: the constructor would copy a field array
  const fields = message.fields;
  let pos = start + 4;
  for (;;) {
    while (pos < end && buf[pos] === NEWLINE) pos++; // heartbeat skips runs of empty lines
    if (pos >= end) throw new DecodeFailure('missing-end', `no '<<<\\n' before the end of the data`);
    const lineEnd = buf.indexOf(NEWLINE, pos);
    if (lineEnd === -1 || lineEnd >= end) throw new DecodeFailure('missing-end', `line at offset ${pos} is not ended and no '<<<\\n' follows`);
    if (lineEnd - pos === 3 && buf[pos] === 0x3c && buf[pos + 1] === 0x3c && buf[pos + 2] === 0x3c) {
      return { message, next: lineEnd + 1 };
    }
    fields.push(decodeLine(buf, pos, lineEnd, depth));
    pos = lineEnd + 1;
  }
}

function decodeLine(buf: Buffer, start: number, end: number, depth: number): HaField {
  let nameStart = start;
  let digit = 0;
  if (buf[start] === 0x28) {
    digit = (buf[start + 1] as number) - 0x30;
    // Classic text can only say 1-4: a string has no prefix, and "(0)" is refused by heartbeat.
    if (end - start < 3 || buf[start + 2] !== 0x29 || digit < 1 || digit > 4) {
      throw new DecodeFailure('bad-type', `line at offset ${start} has a bad type prefix`);
    }
    nameStart = start + 3;
  }
  let eq = nameStart;
  while (eq < end && buf[eq] !== 0x3d) eq++;
  if (eq === end) throw new DecodeFailure('bad-field', `line at offset ${start} has no '='`);
  const name = decodeFieldName(buf, nameStart, eq);
  const valueStart = eq + 1;
  switch (digit) {
    case 0: {
      const value = decodeText(buf, valueStart, end, 'value of', name);
      return { name, type: 'string', value: value.includes('\x13') ? value.replaceAll('\x13', '\n') : value };
    }
    case 1:
      return { name, type: 'binary', value: decodeBase64(buf, valueStart, end, name) };
    case 4:
      return { name, type: 'compressed', value: decodeBase64(buf, valueStart, end, name) };
    case 3:
      return { name, type: 'list', value: decodePackedList(buf, valueStart, end, name) };
    default:
      return { name, type: 'struct', value: decodeStruct(buf, valueStart, end, depth, name) };
  }
}

function decodeStruct(buf: Buffer, start: number, end: number, depth: number, name: string): HaMessage {
  const escape = classicEscapes.structNewline[depth];
  if (escape === undefined) throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} nests too deep`);
  const text = Buffer.allocUnsafe(end - start);
  buf.copy(text, 0, start, end);
  for (let i = 0; i < text.length; i++) if (text[i] === escape) text[i] = NEWLINE;
  if (text.length < 4 || text[0] !== 0x3e || text[1] !== 0x3e || text[2] !== 0x3e || text[3] !== NEWLINE) {
    throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} at offset ${start} does not start with '>>>'`);
  }
  let inner: Decoded;
  try {
    inner = decodeClassicBody(text, 0, text.length, depth + 1);
  } catch (e) {
    throw nestedFailure(e, name);
  }
  if (inner.next !== text.length) throw new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)} has bytes after its '<<<'`);
  return inner.message;
}
