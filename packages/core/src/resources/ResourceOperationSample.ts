import type { AgentResult, ResourceOperation } from './AgentResult.js';

/** One agent operation the activator ran, as metrics see it. */
export interface ResourceOperationSample {
  /** The resource as ResourceManager names it (`IPaddr::10.0.0.5/24`, `apache2`). */
  readonly resource: string;
  /** Its type (script) name: `IPaddr`, `apache2`. */
  readonly type: string;
  readonly operation: ResourceOperation;
  /** How it ended: `running`, `stopped`, `failed`, `timed-out`, `not-installed`, `not-configured`. */
  readonly result: AgentResult['status'];
  /** From the call to the agent's answer, queueing behind another operation on the resource left out. */
  readonly durationMs: number;
}
