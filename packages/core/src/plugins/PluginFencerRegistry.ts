import type { DependencyContainer } from 'tsyringe';
import { HaError } from '../errors/HaError.js';
import type { Fencer } from '../fencing/Fencer.js';
import type { FencerProvider } from '../fencing/FencerProvider.js';
import { fencerKey } from '../fencing/fencerKey.js';
import { PluginClassLoader } from './PluginClassLoader.js';
import { ManifestIndex } from './ManifestIndex.js';
import type { PluginDescriptor } from './PluginDescriptor.js';

function isFencer(value: unknown): value is Fencer {
  const v = value as Partial<Record<keyof Fencer, unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && typeof v.validate === 'function' && typeof v.reset === 'function';
}

/**
 * Fencers from installed plugins, by STONITH type: the plugin naming the type exactly, else the one
 * declaring `external/*` for any `external/NAME`. Manifests are validated up front; a module is
 * imported only for the type ha.cf uses.
 */
export class PluginFencerRegistry implements FencerProvider {
  private readonly index: ManifestIndex;
  private readonly loader = new PluginClassLoader();

  constructor(descriptors: readonly PluginDescriptor[]) {
    this.index = new ManifestIndex(descriptors, 'fencers');
  }

  /** Which packages provide each STONITH type (`external/*`: any external plugin). */
  types(): ReadonlyMap<string, readonly string[]> {
    return this.index.names();
  }

  provides(type: string): boolean {
    return this.keyOf(type) !== undefined;
  }

  /** Which fencer and plugin would reset with `type`, without loading anything; every package when two claim it. */
  resolve(type: string): { readonly fencer: string; readonly packages: readonly string[] } | undefined {
    const key = this.keyOf(type);
    return key === undefined ? undefined : { fencer: key, packages: this.index.entries(key).map((e) => e.descriptor.packageName) };
  }

  async fencerFor(type: string, container: DependencyContainer): Promise<Fencer> {
    const key = this.keyOf(type);
    const [provider, second] = key === undefined ? [] : this.index.entries(key);
    if (key === undefined || provider === undefined) {
      throw new HaError('FENCE_NO_FENCER', `no installed plugin provides STONITH type "${type}"`);
    }
    if (second !== undefined) {
      throw new HaError(
        'FENCE_FENCER_CONFLICT',
        `STONITH type "${key}" is provided by both ${provider.descriptor.packageName} and ${second.descriptor.packageName}`,
      );
    }
    const fencer = await this.loader.instance(provider.descriptor, provider.target, container);
    if (!isFencer(fencer) || fencer.type !== key) {
      throw new HaError(
        'DAEMON_PLUGIN_SHAPE',
        `plugin ${provider.descriptor.packageName}: ${provider.target} is not a fencer for "${key}" (needs type, validate, reset)`,
      );
    }
    return fencer;
  }

  private keyOf(type: string): string | undefined {
    return fencerKey(type, (name) => this.index.has(name));
  }
}
