/** Whether two addresses of one family agree on their first `prefixLength` bits. */
export function sharesPrefix(a: Uint8Array, b: Uint8Array, prefixLength: number): boolean {
  if (a.length !== b.length) return false;
  for (let bit = 0; bit < prefixLength; bit += 8) {
    const left = Math.min(8, prefixLength - bit);
    const mask = (0xff << (8 - left)) & 0xff;
    if (((a[bit / 8] ?? 0) & mask) !== ((b[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}
