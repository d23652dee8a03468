import { AddressAgent } from './AddressAgent.js';

/**
 * heartbeat's `IPaddr` (and the bare `10.0.0.5/24/eth0` of haresources): `ip[/mask[/nic[/broadcast]]]`,
 * labelled `nic:N` as heartbeat's ifconfig alias shows it.
 */
export class IpAddrAgent extends AddressAgent {
  readonly type = 'IPaddr' as const;
}
