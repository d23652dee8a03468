/**
 * What an agent operation came to. Operational outcomes are results; agents throw only for bugs.
 * `status` answers `running` or `stopped`; `start` and `stop` answer the state they reached.
 */
export type AgentResult =
  | { readonly status: 'running' }
  | { readonly status: 'stopped' }
  | { readonly status: 'failed'; readonly reason: string; readonly code?: number }
  | { readonly status: 'timed-out'; readonly afterMs: number }
  | { readonly status: 'not-installed' | 'not-configured'; readonly reason: string };

export type ResourceOperation = 'start' | 'stop' | 'status';

/** One line describing a result, for logs and `ha status`. */
export function describeResult(result: AgentResult): string {
  switch (result.status) {
    case 'running':
    case 'stopped':
      return result.status;
    case 'failed':
      return result.code === undefined ? `failed: ${result.reason}` : `failed (exit ${result.code}): ${result.reason}`;
    case 'timed-out':
      return `timed out after ${result.afterMs} ms`;
    default:
      return `${result.status}: ${result.reason}`;
  }
}
