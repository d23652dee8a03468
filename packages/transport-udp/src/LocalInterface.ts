/** One local interface as a UDP medium uses it: the address to send from, and for IPv4 its subnet. */
export interface LocalInterface {
  readonly name: string;
  readonly family: 4 | 6;
  /** The interface's first address of that family (IPv6: link-local preferred, without `%scope`). */
  readonly address: string;
  /** Every address of that family on the interface (IPv6 without `%scope`). */
  readonly addresses: readonly string[];
  /** IPv4 only: the network, as a 32-bit number, and its mask. */
  readonly network: number;
  readonly mask: number;
  /** IPv4 only: the directed broadcast address (address | ~netmask), what SIOCGIFBRDADDR gives heartbeat. */
  readonly broadcast: string;
}
