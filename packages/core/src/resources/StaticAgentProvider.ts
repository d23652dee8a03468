import { HaError } from '../errors/HaError.js';
import type { AgentProvider } from './AgentProvider.js';
import type { ResourceAgent } from './ResourceAgent.js';

/** Agents given directly (tests, the simulator, embedding): an exact type first, then a `*` agent. */
export class StaticAgentProvider implements AgentProvider {
  constructor(private readonly agents: readonly ResourceAgent[]) {}

  provides(type: string): boolean {
    return this.agents.some((a) => a.type === type || a.type === '*');
  }

  agentFor(type: string): Promise<ResourceAgent> {
    const agent = this.agents.find((a) => a.type === type) ?? this.agents.find((a) => a.type === '*');
    if (agent === undefined) {
      return Promise.reject(new HaError('RESOURCE_NO_AGENT', `no agent serves resources of type "${type}"`));
    }
    return Promise.resolve(agent);
  }
}
