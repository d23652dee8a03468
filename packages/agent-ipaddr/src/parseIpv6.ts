import { isIPv6 } from 'node:net';
import { parseIpv4 } from './parseIpv4.js';

/** An IPv6 address (`2001:db8::5`, `::ffff:10.0.0.1`; no zone index) as 16 bytes, or undefined. */
export function parseIpv6(text: string): Uint8Array | undefined {
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let hex = text;
  const cut = text.lastIndexOf(':');
  if (text.slice(cut + 1).includes('.')) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) is the last two groups.
    const v4 = parseIpv4(text.slice(cut + 1));
    if (v4 === undefined) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    hex = `${text.slice(0, cut + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = '', right] = hex.split('::');
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const head = groups(left);
  const tail = right === undefined ? [] : groups(right);
  const words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}
