import { AddressAgent } from './AddressAgent.js';

/** heartbeat's `IPaddr2`: `ip[/cidr[/nic[:label][/broadcast]]]`, labelled only when a label is given. */
export class IpAddr2Agent extends AddressAgent {
  readonly type = 'IPaddr2' as const;
}
