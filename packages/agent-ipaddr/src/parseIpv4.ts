const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A dotted quad as inet_pton reads it (no leading zeros, octets 0-255), or undefined. */
export function parseIpv4(text: string): Uint8Array | undefined {
  const match = DOTTED_QUAD.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map((o) => (o.length > 1 && o.startsWith('0') ? NaN : Number(o)));
  if (octets.some((o) => !(o >= 0 && o <= 255))) return undefined;
  return Uint8Array.from(octets);
}
