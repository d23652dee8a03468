/** Where findif puts a virtual IP: its interface and prefix length. */
export interface FoundInterface {
  readonly nic: string;
  readonly prefixLength: number;
  /** Whether nic or prefix came from a route rather than from the resource. */
  readonly fromRoute: boolean;
}
