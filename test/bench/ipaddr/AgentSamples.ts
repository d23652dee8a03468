/** One agent's samples, milliseconds per run. */
export interface AgentSamples {
  /** From the start call to the first gratuitous ARP for the VIP on the bridge. */
  readonly startToGarp: number[];
  /** From the start call to the duplicate-address ARP probe on the bridge (Heartline's agent sends one; heartbeat's IPaddr none). */
  readonly startToProbe: number[];
  /** From the stop call to the kernel's notification that the address is gone. */
  readonly stopToGone: number[];
  /** Wall time of start and of stop, call to return. */
  readonly startReturned: number[];
  readonly stopReturned: number[];
}

export function emptyAgentSamples(): AgentSamples {
  return { startToGarp: [], startToProbe: [], stopToGone: [], startReturned: [], stopReturned: [] };
}
