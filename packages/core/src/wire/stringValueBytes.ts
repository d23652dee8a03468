import { checkStringValue } from './checkStringValue.js';

/**
 * The UTF-8 length of a string value, refusing what heartbeat's C strings cannot hold. Plain
 * ASCII without NUL, nearly every value, is answered by one scan without a native call.
 */
export function stringValueBytes(name: string, value: string): number {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c >= 0x80) {
      checkStringValue(name, value);
      return Buffer.byteLength(value, 'utf8');
    }
  }
  return n;
}
