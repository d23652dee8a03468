/** One route of the kernel's main table, as findif needs it. */
export interface RouteInfo {
  readonly family: 4 | 6;
  /** The destination prefix, 4 or 16 bytes. */
  readonly destination: Uint8Array;
  readonly prefixLength: number;
  /** The outgoing interface, by name. */
  readonly interfaceName: string;
  readonly metric: number;
  /**
   * A directly connected unicast route (no gateway; for IPv4 `scope link`), the kind heartbeat's
   * findif takes an interface and netmask from.
   */
  readonly onLink: boolean;
}
