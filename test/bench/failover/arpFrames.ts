import type { BridgeFrame } from './BridgeFrame.js';

const quote = (ip: string): string => ip.replace(/\./g, '\\.');

/**
 * A gratuitous ARP for `ip`: a request `who-has IP tell IP` (arping -U carries the target MAC in
 * brackets), or a reply `IP is-at` sent to nobody who asked (`askers`: the clients' MACs; an
 * answer to the ARP prober is not an announcement).
 */
export function isGratuitous(frame: BridgeFrame, ip: string, askers: readonly string[]): boolean {
  if (frame.kind !== 'arp') return false;
  if (new RegExp(`^Request who-has ${quote(ip)}( \\([0-9a-f:]{17}\\))? tell ${quote(ip)},`).test(frame.text)) return true;
  return frame.text.startsWith(`Reply ${ip} is-at `) && !askers.includes(frame.dstMac);
}

/** An answer `IP is-at` sent to `asker` (the ARP prober's MAC). */
export function isAnswerTo(frame: BridgeFrame, ip: string, asker: string): boolean {
  return frame.kind === 'arp' && frame.dstMac === asker && frame.text.startsWith(`Reply ${ip} is-at `);
}

/** A duplicate-address probe for `ip` (RFC 5227: `who-has IP tell 0.0.0.0`, as `arping -D` sends it). */
export function isProbe(frame: BridgeFrame, ip: string): boolean {
  return frame.kind === 'arp' && new RegExp(`^Request who-has ${quote(ip)}( \\([0-9a-f:]{17}\\))? tell 0\\.0\\.0\\.0,`).test(frame.text);
}
