import type { Socket } from 'node:dgram';
import type { MediaSpec } from '@heartline/core';
import { udpError } from './udpError.js';

/**
 * Binds a socket and turns the kernel's refusal into an error naming the directive and line.
 * Heartbeat retries a busy port for 10 s (bcast) or 50 tries (mcast) because its old read child may
 * still hold it; a Heartline node releases its sockets when its process ends, so a busy port means
 * another program holds it, and retrying would only delay the admin's diagnosis.
 */
export function bindSocket(socket: Socket, address: string, port: number, spec: MediaSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      socket.removeListener('listening', onListening);
      const where = `${address.includes(':') ? `[${address}]` : address}:${port}`;
      if (error.code === 'EADDRINUSE') {
        reject(
          udpError(
            'UDP_PORT_IN_USE',
            spec,
            `UDP port ${port} is already in use (binding ${where})`,
            `Stop the program holding UDP port ${port} (see \`ss -uanp 'sport = :${port}'\`; a heartbeat daemon on this host is the usual one), or set another udpport on every node.`,
            error,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          udpError(
            'UDP_BIND_FAILED',
            spec,
            `not allowed to bind ${where}`,
            `Ports below 1024 need root or CAP_NET_BIND_SERVICE: run the node as root, or use a udpport of 1024 or more on every node.`,
            error,
          ),
        );
      } else {
        reject(udpError('UDP_BIND_FAILED', spec, `cannot bind ${where}: ${error.message}`, undefined, error));
      }
    };
    const onListening = (): void => {
      socket.removeListener('error', onError);
      resolve();
    };
    socket.once('error', onError);
    socket.once('listening', onListening);
    socket.bind({ address, port, exclusive: true });
  });
}
