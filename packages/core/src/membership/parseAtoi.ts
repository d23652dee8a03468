/** `atoi`, as heartbeat reads the decimal firstseq/lastseq of NS_rexmit: leading digits, else 0. */
export function parseAtoi(text: string | undefined): number {
  if (text === undefined) return 0;
  const match = /^\s*([+-]?\d+)/.exec(text);
  return match?.[1] === undefined ? 0 : Number.parseInt(match[1], 10);
}
