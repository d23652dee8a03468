/** One request to the agent driver: an operation on a haresources resource token. */
export interface DriverRequest {
  readonly id: number;
  readonly op: 'start' | 'stop' | 'status' | 'validate';
  /** As written in haresources: `10.213.0.50/25/hlv0`, `IPaddr2::10.213.0.51`, `IPaddr::10.213.0.100/24/hleth0`. */
  readonly resource: string;
  /** Tool names to pretend are not installed (`send_arp`). */
  readonly hide?: readonly string[];
}
