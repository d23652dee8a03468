import type { AgentResult } from '../../resources/AgentResult.js';
import type { ResourceAgent } from '../../resources/ResourceAgent.js';

const poweredOff: AgentResult = { status: 'failed', reason: 'the machine is off' };

/**
 * The agent one incarnation of a node runs: once the machine lost power, work its node had under
 * way (a job halfway through a group) finds nothing to run on, as on a real machine.
 */
export function incarnationAgent(agent: ResourceAgent, alive: () => boolean): ResourceAgent {
  return {
    type: agent.type,
    ...(agent.monitoredByDefault === undefined ? {} : { monitoredByDefault: agent.monitoredByDefault }),
    validate: (resource, context) => agent.validate(resource, context),
    start: (resource, context) => (alive() ? agent.start(resource, context) : Promise.resolve(poweredOff)),
    stop: (resource, context) => (alive() ? agent.stop(resource, context) : Promise.resolve(poweredOff)),
    status: (resource, context) => (alive() ? agent.status(resource, context) : Promise.resolve(poweredOff)),
  };
}
