import type { AddressInfo } from './AddressInfo.js';
import { aliasLabel } from './aliasLabel.js';
import type { ResolvedAddress } from './ResolvedAddress.js';

/**
 * The kernel label the address gets, as heartbeat's agents leave it: IPaddr `nic:N` (its
 * `ifconfig nic:N`), IPaddr2 only the `nic:label` it was given, IPv6addr none.
 */
export function addressLabel(resolved: ResolvedAddress, addresses: readonly AddressInfo[]): string | undefined {
  const { spec, link } = resolved;
  if (spec.type === 'IPaddr') return aliasLabel(link.name, link.index, addresses);
  return spec.type === 'IPaddr2' ? spec.label : undefined;
}
