import type { ListenAddress } from './ListenAddress.js';
import type { TcpSocket } from './TcpSocket.js';

/**
 * Whether a socket sits on a Listen's port and address, so that the two cannot both listen:
 * the same port, and the same address or either one the wildcard. IPv4-mapped IPv6 addresses
 * count as their IPv4 address.
 */
export function socketMatches(socket: TcpSocket, listen: ListenAddress): boolean {
  if (socket.port !== listen.port) return false;
  const address = socket.address.replace(/^::ffff:(?=\d+\.)/, '');
  if (address === '0.0.0.0' || address === '::' || listen.host === undefined) return true;
  return address === listen.host.replace(/^::ffff:(?=\d+\.)/, '').toLowerCase();
}
