/**
 * IPv4 broadcast address of `address/prefixLength`: address | ~netmask, as findif computes it.
 * None for /31 and /32 (point-to-point links and host routes have no broadcast).
 */
export function broadcastOf(address: Uint8Array, prefixLength: number): Uint8Array | undefined {
  if (address.length !== 4 || prefixLength > 30) return undefined;
  return address.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefixLength - 8 * i));
    return byte | (0xff >> bits);
  });
}
