import type { MediaSpec } from '@heartline/core';
import type { LocalInterface } from './LocalInterface.js';
import type { UdpEnvironment } from './UdpEnvironment.js';
import { ipv4ToNumber } from './ipv4ToNumber.js';
import { numberToIpv4 } from './numberToIpv4.js';
import { udpError } from './udpError.js';

type UdpSpec = Exclude<MediaSpec, { kind: 'serial' }>;

/**
 * Finds the interface a media line names and the address it has in the medium's family. Heartbeat
 * asks the kernel the same questions (SIOCGIFADDR, SIOCGIFBRDADDR) when it opens the medium.
 */
export function resolveInterface(spec: UdpSpec, family: 4 | 6, env: UdpEnvironment): LocalInterface {
  const table = env.networkInterfaces();
  const addresses = table[spec.interface];
  if (addresses === undefined) {
    const known = Object.keys(table).sort().join(', ');
    throw udpError(
      'UDP_INTERFACE_NOT_FOUND',
      spec,
      `interface ${spec.interface} does not exist or has no address`,
      `Use one of this host's interfaces (${known || 'none'}), or bring ${spec.interface} up with an address first.`,
    );
  }
  const wanted = family === 4 ? 'IPv4' : 'IPv6';
  const candidates = addresses.filter((a) => a.family === wanted);
  // IPv6 media talk on the link: prefer the link-local address, as heartbeat's mcast6 does.
  const chosen = family === 6 ? (candidates.find((a) => a.address.startsWith('fe80:')) ?? candidates[0]) : candidates[0];
  if (chosen === undefined) {
    throw udpError(
      'UDP_INTERFACE_NO_ADDRESS',
      spec,
      `interface ${spec.interface} has no ${wanted} address`,
      `Give ${spec.interface} an ${wanted} address, or use the ${family === 4 ? 'IPv6 (mcast6/ucast6)' : 'IPv4 (mcast/ucast)'} form of the directive.`,
    );
  }
  const all = candidates.map((a) => a.address.split('%')[0] ?? a.address);
  if (family === 6) {
    return { name: spec.interface, family, address: chosen.address.split('%')[0] ?? chosen.address, addresses: all, network: 0, mask: 0, broadcast: '' };
  }
  const address = ipv4ToNumber(chosen.address);
  const mask = ipv4ToNumber(chosen.netmask);
  const network = (address & mask) >>> 0;
  const broadcast = numberToIpv4((network | (~mask >>> 0)) >>> 0);
  return { name: spec.interface, family, address: chosen.address, addresses: all, network, mask, broadcast };
}
