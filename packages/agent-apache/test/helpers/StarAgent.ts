import type { AgentResult, ConfigIssue, ResourceAgent } from '@heartline/core';

/** Stands in for agent-lsb's script agent (`*`) in the manifest test: plugins never depend on each other. */
export class StarAgent implements ResourceAgent {
  readonly type = '*';

  validate(): ConfigIssue[] {
    return [];
  }

  start(): Promise<AgentResult> {
    return Promise.resolve({ status: 'running' });
  }

  stop(): Promise<AgentResult> {
    return Promise.resolve({ status: 'stopped' });
  }

  status(): Promise<AgentResult> {
    return Promise.resolve({ status: 'stopped' });
  }
}
