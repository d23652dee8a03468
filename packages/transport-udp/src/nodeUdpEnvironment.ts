import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import type { UdpEnvironment } from './UdpEnvironment.js';

/** The real environment: Node's interface table, dgram sockets and the system resolver. */
export const nodeUdpEnvironment: UdpEnvironment = {
  networkInterfaces: () => networkInterfaces(),
  createSocket: (options) => createSocket(options),
  lookup: async (host, family) => (await lookup(host, { family })).address,
};
