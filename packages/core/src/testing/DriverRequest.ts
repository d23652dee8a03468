/** One request to an agent driver (`AgentDriver` → `serveAgentRequests`): an operation on a haresources resource token. */
export interface DriverRequest {
  readonly id: number;
  readonly op: 'start' | 'stop' | 'status' | 'validate';
  /** As written in haresources: `10.213.0.50/25/hlv0`, `IPaddr2::10.213.0.51`, `apache2`. */
  readonly resource: string;
  /** Tool names the agent is to find missing (`send_arp`); the plugin's driver process applies them. */
  readonly hide?: readonly string[];
}
