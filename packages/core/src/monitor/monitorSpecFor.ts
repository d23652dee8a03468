import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { MonitorRule } from '../config/HeartlineCf.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { AgentProvider } from '../resources/AgentProvider.js';
import type { MonitorSpec } from './MonitorSpec.js';
import { resolveMonitorSpec } from './resolveMonitorSpec.js';

/** How `resource` is monitored, asking its agent for the default; undefined when not (or no agent serves it). */
export async function monitorSpecFor(
  resource: ResourceRef,
  rules: readonly MonitorRule[],
  agents: AgentProvider,
  container: DependencyContainer = rootContainer.createChildContainer(),
): Promise<MonitorSpec | undefined> {
  if (!agents.provides(resource.type)) return undefined;
  let byDefault = false;
  try {
    byDefault = (await agents.agentFor(resource.type, container)).monitoredByDefault === true;
  } catch {
    // An agent that cannot load fails the group's start, with its reason; there is nothing to monitor.
    return undefined;
  }
  return resolveMonitorSpec(resource, rules, byDefault);
}
