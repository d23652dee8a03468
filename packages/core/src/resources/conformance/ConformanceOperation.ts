import type { AgentResult, ResourceOperation } from '../AgentResult.js';

/** One operation a conformance run asked of the agent, with its answer and how long it took. */
export interface ConformanceOperation {
  readonly operation: ResourceOperation;
  /** The resource's spec (`IPaddr::10.0.0.5/24`). */
  readonly resource: string;
  /** Undefined when the agent had not answered once its timeout and the grace had passed. */
  readonly result: AgentResult | undefined;
  readonly durationMs: number;
  readonly timeoutMs: number;
  /** What the agent logged meanwhile, `level: message`. */
  readonly logs: readonly string[];
}
