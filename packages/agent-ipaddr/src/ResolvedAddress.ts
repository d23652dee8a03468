import type { AddressSpec } from './AddressSpec.js';
import type { LinkInfo } from './LinkInfo.js';

/** A virtual IP placed on this machine: its interface found (findif) and its broadcast computed. */
export interface ResolvedAddress {
  readonly spec: AddressSpec;
  readonly link: LinkInfo;
  readonly prefixLength: number;
  /** IPv4 only: given, else address | ~netmask (none for /31 and /32). */
  readonly broadcast?: Uint8Array;
}
