/**
 * `sscanf("%lx")` as heartbeat applies it to seq, hg, ts, dt, ackseq and the NAK's firstseq:
 * leading blanks, an optional 0x, then hex digits; undefined when there are none.
 */
export function parseHex(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(?:0[xX])?([0-9a-fA-F]+)/.exec(text);
  if (match?.[1] === undefined) return undefined;
  return Number.parseInt(match[1], 16);
}
