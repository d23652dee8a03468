import type { DependencyContainer } from 'tsyringe';
import type { ResourceAgent } from './ResourceAgent.js';

/** Finds the agent for a resource type: from installed plugins in the daemon, from a list in tests. */
export interface AgentProvider {
  /** The agent serving `type`, built in the node's container; throws a HaError if none does. */
  agentFor(type: string, container: DependencyContainer): Promise<ResourceAgent>;
  /** Whether some agent serves `type`, without loading anything. */
  provides(type: string): boolean;
}
