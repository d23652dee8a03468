import type { HaField } from './HaField.js';
import { fieldTypeDigit } from './HaField.js';
import type { HaMessage } from './HaMessage.js';
import { escapeBytesC } from './escapeBytesC.js';
import { formatUuid } from './formatUuid.js';

const encoder = new TextEncoder();

/**
 * A message field by field, one `name = value` line each, as the vectors' dumps show them:
 * `(d)` before non-string names, uuids as text, other binary as hex, non-printable strings as C
 * strings, nested messages indented under their field.
 */
export function formatFieldLines(msg: HaMessage, indent = ''): string[] {
  const lines: string[] = [];
  for (const field of msg.fields) {
    const tag = field.type === 'string' ? '' : `(${fieldTypeDigit[field.type]})`;
    if (field.type === 'struct') {
      lines.push(`${indent}${tag}${field.name} = <nested message, ${field.value.fields.length} fields>`);
      lines.push(...formatFieldLines(field.value, `${indent}    `));
    } else {
      lines.push(`${indent}${tag}${field.name} = ${formatValue(field)}`);
    }
  }
  return lines;
}

function formatValue(field: Exclude<HaField, { type: 'struct' }>): string {
  switch (field.type) {
    case 'string':
      return /^[\x20-\x7e]*$/.test(field.value) ? field.value : escapeBytesC(encoder.encode(field.value));
    case 'list':
      return `[${field.value.map((s) => escapeBytesC(encoder.encode(s))).join(', ')}]`;
    case 'binary': {
      if (field.name.endsWith('uuid') && field.value.length === 16) return `${formatUuid(field.value)}  (16 bytes binary)`;
      return `hex:${Buffer.from(field.value).toString('hex')}  (${field.value.length} bytes binary)`;
    }
    case 'compressed':
      return `hex:${Buffer.from(field.value).toString('hex')}  (${field.value.length} bytes compressed)`;
  }
}
