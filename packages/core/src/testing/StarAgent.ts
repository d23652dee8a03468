import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { AgentResult } from '../resources/AgentResult.js';
import type { ResourceAgent } from '../resources/ResourceAgent.js';

/**
 * Stands in for agent-lsb's script agent (`*`) in a plugin's manifest test, since plugins never
 * depend on each other: it starts everything and finds everything stopped. `starAgentPlugin()`
 * declares it.
 */
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
