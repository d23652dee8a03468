import { createSocket } from 'node:dgram';

/** A free UDP port on loopback (bound once, then released), for a daemon's udpport. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
