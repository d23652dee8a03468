import type { DependencyContainer } from 'tsyringe';
import { HaError } from '../errors/HaError.js';
import type { AgentProvider } from '../resources/AgentProvider.js';
import type { ResourceAgent } from '../resources/ResourceAgent.js';
import { PluginClassLoader } from './PluginClassLoader.js';
import type { PluginDescriptor } from './PluginDescriptor.js';
import { validateManifest } from './validateManifest.js';

interface Provider {
  readonly descriptor: PluginDescriptor;
  readonly target: string;
}

function isResourceAgent(value: unknown): value is ResourceAgent {
  const v = value as Partial<Record<keyof ResourceAgent, unknown>> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.type === 'string' &&
    typeof v.validate === 'function' &&
    typeof v.start === 'function' &&
    typeof v.stop === 'function' &&
    typeof v.status === 'function'
  );
}

/**
 * Resource agents from installed plugins, by haresources type. A plugin naming a type exactly
 * wins; otherwise the plugin that declares `*` (heartbeat's script lookup: resource.d, then
 * init.d) serves it. Manifests are validated up front, modules imported only for types in use.
 */
export class PluginAgentRegistry implements AgentProvider {
  private readonly byType = new Map<string, Provider[]>();
  private readonly loader = new PluginClassLoader();

  constructor(descriptors: readonly PluginDescriptor[]) {
    for (const descriptor of descriptors) {
      const manifest = validateManifest(descriptor);
      for (const [type, target] of Object.entries(manifest.agents)) {
        const list = this.byType.get(type) ?? [];
        list.push({ descriptor, target });
        this.byType.set(type, list);
      }
    }
  }

  /** Which packages provide each type (`*`: any script name). */
  types(): ReadonlyMap<string, readonly string[]> {
    return new Map([...this.byType].map(([type, list]) => [type, list.map((p) => p.descriptor.packageName)]));
  }

  provides(type: string): boolean {
    return this.byType.has(type) || this.byType.has('*');
  }

  async agentFor(type: string, container: DependencyContainer): Promise<ResourceAgent> {
    const key = this.byType.has(type) ? type : '*';
    const [provider, second] = this.byType.get(key) ?? [];
    if (provider === undefined) {
      throw new HaError('RESOURCE_NO_AGENT', `no installed plugin provides resources of type "${type}"`);
    }
    if (second !== undefined) {
      throw new HaError(
        'RESOURCE_AGENT_CONFLICT',
        `resource type "${key}" is provided by both ${provider.descriptor.packageName} and ${second.descriptor.packageName}`,
      );
    }
    const agent = await this.loader.instance(provider.descriptor, provider.target, container);
    if (!isResourceAgent(agent) || (agent.type !== key && agent.type !== '*')) {
      throw new HaError(
        'DAEMON_PLUGIN_SHAPE',
        `plugin ${provider.descriptor.packageName}: ${provider.target} is not a resource agent for "${key}" (needs type, validate, start, stop, status)`,
      );
    }
    return agent;
  }
}
