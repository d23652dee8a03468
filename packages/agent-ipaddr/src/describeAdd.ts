import type { AddressChange } from './AddressChange.js';
import { formatIp } from './formatIp.js';
import type { ResolvedAddress } from './ResolvedAddress.js';

/** IPaddr2's log line for an add: `Adding inet address 10.0.0.5/24 with broadcast address 10.0.0.255 to device eth0`. */
export function describeAdd(resolved: ResolvedAddress, change: AddressChange): string {
  const family = change.family === 4 ? 'inet' : 'inet6';
  const broadcast = change.broadcast === undefined ? '' : ` with broadcast address ${formatIp(change.broadcast)}`;
  const label = change.label === undefined ? '' : ` (with label ${change.label})`;
  return `Adding ${family} address ${resolved.spec.address}/${change.prefixLength}${broadcast} to device ${resolved.link.name}${label}`;
}
