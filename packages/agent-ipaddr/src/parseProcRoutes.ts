import type { RouteInfo } from './RouteInfo.js';

const RTF_GATEWAY = 0x2;
const RTF_REJECT = 0x200;

/**
 * /proc/net/route (the IPv4 main table), the file heartbeat's findif.c reads: addresses are the
 * kernel's network-order words printed as host-order hex (little-endian on x86).
 */
export function parseProcRoutes(text: string, littleEndian = true): RouteInfo[] {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const [name, destination, , flags, , , metric, mask] = line.trim().split(/\s+/);
      if (name === undefined || destination === undefined || mask === undefined) return [];
      const bits = (word: string): Uint8Array => {
        const bytes = Uint8Array.from(word.match(/../g) ?? [], (h) => parseInt(h, 16));
        return littleEndian ? bytes.reverse() : bytes;
      };
      const prefixLength = [...bits(mask)].reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0);
      const flagBits = parseInt(flags ?? '0', 16);
      return [{
        family: 4 as const,
        destination: bits(destination),
        prefixLength,
        interfaceName: name,
        metric: parseInt(metric ?? '0', 10),
        onLink: (flagBits & (RTF_GATEWAY | RTF_REJECT)) === 0,
      }];
    });
}
