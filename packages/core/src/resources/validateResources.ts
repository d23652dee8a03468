import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import type { AgentProvider } from './AgentProvider.js';
import type { ValidateContext } from './ResourceAgent.js';

/**
 * Every problem with the resources of haresources: types no installed plugin provides, and what
 * each agent finds wrong (a missing script, an OCF instance without parameters). Agents are
 * loaded only for the types in use.
 */
export async function validateResources(
  groups: readonly HaResourceGroup[],
  agents: AgentProvider,
  context: ValidateContext,
  container: DependencyContainer = rootContainer.createChildContainer(),
): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  for (const resource of groups.flatMap((g) => g.resources)) {
    if (!agents.provides(resource.type)) {
      issues.push({
        ...resource.where,
        code: 'RESOURCE_NO_AGENT',
        severity: 'error',
        message: `${resource.text}: no installed plugin provides resources of type "${resource.type}"`,
        hint: errorCatalogue.RESOURCE_NO_AGENT.hint,
      });
      continue;
    }
    const agent = await agents.agentFor(resource.type, container);
    issues.push(...agent.validate(resource, context));
  }
  return issues;
}
