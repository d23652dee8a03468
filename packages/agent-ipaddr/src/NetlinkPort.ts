import type { AddressChange } from './AddressChange.js';
import type { AddressInfo } from './AddressInfo.js';
import type { LinkInfo } from './LinkInfo.js';
import type { RouteInfo } from './RouteInfo.js';

/**
 * What the agents ask of rtnetlink. Failures reject with the kernel's errno in the message
 * (`Request rejected: EPERM`), as the netlink package reports them; see `netlinkErrno`.
 */
export interface NetlinkPort {
  links(): Promise<LinkInfo[]>;
  addresses(family: 4 | 6): Promise<AddressInfo[]>;
  /** Routes of the main table, interface names resolved. */
  routes(family: 4 | 6): Promise<RouteInfo[]>;
  /** Adds the address; rejects (EEXIST) if it is already there. */
  addAddress(change: AddressChange): Promise<void>;
  removeAddress(change: AddressChange): Promise<void>;
}
