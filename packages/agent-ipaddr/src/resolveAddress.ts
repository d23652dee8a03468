import type { AddressSpec } from './AddressSpec.js';
import { broadcastOf } from './broadcastOf.js';
import { findInterface } from './findInterface.js';
import type { LinkInfo } from './LinkInfo.js';
import type { ResolvedAddress } from './ResolvedAddress.js';
import type { RouteInfo } from './RouteInfo.js';
import type { SpecProblem } from './SpecProblem.js';

/** Places a spec on this machine's links and routes, or says why it cannot be placed. */
export function resolveAddress(
  spec: AddressSpec,
  links: readonly LinkInfo[],
  routes: readonly RouteInfo[],
): { readonly resolved: ResolvedAddress } | { readonly problem: SpecProblem } {
  const where = `${spec.type} ${spec.address}`;
  const found = findInterface(spec, routes);
  if (found === undefined) {
    const on = spec.nic === undefined ? '' : ` on ${spec.nic}`;
    const missing = spec.nic === undefined ? 'interface' : 'netmask';
    return {
      problem: {
        code: 'IPADDR_NO_ROUTE',
        message: `${where}: no directly connected route${on} covers the address, so its ${missing} cannot be found (heartbeat's findif)`,
      },
    };
  }
  const link = links.find((l) => l.name === found.nic);
  if (link === undefined) {
    return { problem: { code: 'IPADDR_NO_INTERFACE', message: `${where}: interface ${found.nic} does not exist` } };
  }
  const broadcast = spec.family === 4 ? (spec.broadcast ?? broadcastOf(spec.bytes, found.prefixLength)) : undefined;
  return { resolved: { spec, link, prefixLength: found.prefixLength, ...(broadcast === undefined ? {} : { broadcast }) } };
}
