import { parseIpv4 } from './parseIpv4.js';

/**
 * The prefix length of a netmask as heartbeat's findif accepts it: CIDR bits (`24`) or, for IPv4,
 * a dotted netmask with contiguous bits (`255.255.255.0`). Undefined when not valid; 0 is refused
 * (a /0 would put every address on the link).
 */
export function parseNetmask(text: string, family: 4 | 6): number | undefined {
  const max = family === 4 ? 32 : 128;
  if (/^\d{1,3}$/.test(text)) {
    const bits = Number(text);
    return bits >= 1 && bits <= max ? bits : undefined;
  }
  if (family === 6) return undefined;
  const bytes = parseIpv4(text);
  if (bytes === undefined) return undefined;
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  return /^1+0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}
