/** An address to add to or remove from an interface over netlink. */
export interface AddressChange {
  readonly family: 4 | 6;
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly prefixLength: number;
  readonly broadcast?: Uint8Array;
  readonly label?: string;
}
