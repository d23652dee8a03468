import type { DependencyContainer } from 'tsyringe';
import { HaError } from '../errors/HaError.js';
import type { AgentProvider } from '../resources/AgentProvider.js';
import type { ResourceAgent } from '../resources/ResourceAgent.js';
import { PluginClassLoader } from './PluginClassLoader.js';
import { ManifestIndex } from './ManifestIndex.js';
import type { PluginDescriptor } from './PluginDescriptor.js';

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
  private readonly index: ManifestIndex;
  private readonly loader = new PluginClassLoader();

  constructor(descriptors: readonly PluginDescriptor[]) {
    this.index = new ManifestIndex(descriptors, 'agents');
  }

  /** Which packages provide each type (`*`: any script name). */
  types(): ReadonlyMap<string, readonly string[]> {
    return this.index.names();
  }

  provides(type: string): boolean {
    return this.index.has(type) || this.index.has('*');
  }

  /**
   * Which agent and plugin would run resources of `type`, without loading anything: the plugin
   * naming it exactly, else the `*` script agent; every package when two claim it (a conflict).
   */
  resolve(type: string): { readonly agent: string; readonly packages: readonly string[] } | undefined {
    const key = this.index.has(type) ? type : '*';
    const packages = this.index.entries(key).map((e) => e.descriptor.packageName);
    return packages.length === 0 ? undefined : { agent: key, packages };
  }

  async agentFor(type: string, container: DependencyContainer): Promise<ResourceAgent> {
    const key = this.index.has(type) ? type : '*';
    const [provider, second] = this.index.entries(key);
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
