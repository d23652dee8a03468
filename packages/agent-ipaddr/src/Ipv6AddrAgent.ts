import { AddressAgent } from './AddressAgent.js';

/** heartbeat's `IPv6addr`: `addr[/prefix[/nic]]` (`IPv6addr::2001:db8::5/64/eth0`), announced with send_ua. */
export class Ipv6AddrAgent extends AddressAgent {
  readonly type = 'IPv6addr' as const;
}
