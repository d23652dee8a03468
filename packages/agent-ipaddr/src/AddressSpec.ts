/** The heartbeat resource types this package serves. */
export type AddressType = 'IPaddr' | 'IPaddr2' | 'IPv6addr';

/**
 * One virtual IP resource as written in haresources, parsed: `IPaddr::10.0.0.5/24/eth0`,
 * `IPaddr2::10.0.0.5/24/eth0:web`, `IPv6addr::2001:db8::5/64/eth0`, or the bare `10.0.0.5/24/eth0`
 * that core reads as `IPaddr::…`. What is left out (nic, prefix) is found as heartbeat's findif does.
 */
export interface AddressSpec {
  readonly type: AddressType;
  readonly family: 4 | 6;
  /** The address as written (`10.0.0.5`, `2001:db8::5`). */
  readonly address: string;
  /** 4 or 16 bytes, network order. */
  readonly bytes: Uint8Array;
  /** The prefix length given (CIDR bits or a dotted netmask), if any. */
  readonly prefixLength?: number;
  /** The interface given, without an IPaddr2 label. */
  readonly nic?: string;
  /** IPaddr2's `nic:label` as a whole (the kernel's label); IPaddr picks `nic:N` itself, IPv6 has none. */
  readonly label?: string;
  /** The IPv4 broadcast address given, if any (otherwise address | ~netmask). */
  readonly broadcast?: Uint8Array;
  /** Gratuitous ARPs (or neighbour advertisements) per burst; `::arp_count=N`, default 5. */
  readonly arpCount: number;
  /** Between two of them; `::arp_interval=MS`, default 200. */
  readonly arpIntervalMs: number;
  /** How long to wait for an answer to the duplicate-address probe; `::probe_ms=MS`, 0 = no probe. */
  readonly probeMs: number;
}
