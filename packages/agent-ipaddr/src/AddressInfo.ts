/** One address configured on an interface. */
export interface AddressInfo {
  readonly family: 4 | 6;
  /** The interface's index. */
  readonly index: number;
  /** The local address, 4 or 16 bytes. */
  readonly bytes: Uint8Array;
  readonly prefixLength: number;
  /** The IPv4 label (`eth0`, `eth0:0`); IPv6 addresses have none. */
  readonly label?: string;
}
