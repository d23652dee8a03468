import type { AgentResult } from './AgentResult.js';

/** How a group operation ended: done, or the resource that failed and why. */
export type GroupOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly resource: string; readonly operation: 'start' | 'stop'; readonly result: AgentResult };
