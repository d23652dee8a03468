/**
 * The driver's answer: the agent's result (an AgentResult for start/stop/status, the issues for
 * validate), when the agent was called and when it returned (epoch ms), its log lines.
 */
export interface DriverAnswer {
  readonly id: number;
  readonly result: { readonly status: string; readonly reason?: string } | readonly { readonly code: string; readonly severity: string; readonly message: string }[];
  readonly calledAtMs: number;
  readonly returnedAtMs: number;
  readonly logs: readonly string[];
}
