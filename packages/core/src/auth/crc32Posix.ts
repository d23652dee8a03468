const table = buildTable();

/**
 * CRC-32/POSIX as heartbeat's `crc` auth computes it: polynomial 0x04C11DB7, MSB first, initial
 * value 0, no length appended, final XOR 0xFFFFFFFF (check value of "123456789": 0x765e7680).
 */
export function crc32Posix(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) {
    crc = ((crc << 8) ^ (table[((crc >>> 24) ^ (bytes[i] as number)) & 0xff] as number)) >>> 0;
  }
  return ~crc >>> 0;
}

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[n] = c >>> 0;
  }
  return t;
}
