import type { NetworkInterfaceInfo } from 'node:os';
import { nodeUdpEnvironment, type UdpEnvironment } from '../src/index.js';

/**
 * The real environment (real sockets, real kernel) with a different view of which addresses an
 * interface has: lets two media in one process act as two hosts on `lo` (127.0.0.1, 127.0.0.2).
 */
export function withInterfaces(table: Record<string, readonly { address: string; netmask: string }[]>): UdpEnvironment {
  return {
    ...nodeUdpEnvironment,
    networkInterfaces: () =>
      Object.fromEntries(
        Object.entries(table).map(([name, list]) => [
          name,
          list.map(
            (a): NetworkInterfaceInfo =>
              a.address.includes(':')
                ? { address: a.address, netmask: a.netmask, family: 'IPv6', mac: '00:00:00:00:00:00', internal: true, cidr: null, scopeid: 0 }
                : { address: a.address, netmask: a.netmask, family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null },
          ),
        ]),
      ),
  };
}
