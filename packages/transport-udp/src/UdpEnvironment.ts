import type { Socket, SocketOptions } from 'node:dgram';
import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The operating system as the UDP media see it. Injected so the media can be exercised against a
 * fake table of interfaces, and so nothing here reaches for `os` or `dgram` directly.
 */
export interface UdpEnvironment {
  /** Like `os.networkInterfaces()`: interface name → its addresses. */
  networkInterfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  createSocket(options: SocketOptions): Socket;
  /** Resolves a host name (or a literal address) once, like heartbeat's gethostbyname at parse time. */
  lookup(host: string, family: 4 | 6): Promise<string>;
}
