import type { DependencyContainer } from 'tsyringe';
import type { MediaSpec } from '../config/MediaSpec.js';
import { HaError } from '../errors/HaError.js';
import type { TransportFactory } from '../transport/TransportFactory.js';
import type { TransportProvider } from '../transport/TransportProvider.js';
import { PluginClassLoader } from './PluginClassLoader.js';
import { ManifestIndex } from './ManifestIndex.js';
import type { PluginDescriptor } from './PluginDescriptor.js';

function isTransportFactory(value: unknown): value is TransportFactory {
  const v = value as { kinds?: unknown; create?: unknown } | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.kinds) && typeof v.create === 'function';
}

/**
 * Transport factories from installed plugins. Every manifest is validated up front; a module is
 * imported only when a medium of a kind it provides is configured, and its class is built in the
 * node's own container (core applies `injectable()` itself: plugins carry their own tsyringe).
 */
export class PluginTransportRegistry implements TransportProvider {
  private readonly index: ManifestIndex;
  private readonly loader = new PluginClassLoader();

  constructor(descriptors: readonly PluginDescriptor[]) {
    this.index = new ManifestIndex(descriptors, 'transports');
  }

  /** Which packages provide each media kind. */
  kinds(): ReadonlyMap<string, readonly string[]> {
    return this.index.names();
  }

  async factoryFor(spec: MediaSpec, container: DependencyContainer): Promise<TransportFactory> {
    const where = `${spec.where.file}:${spec.where.line}`;
    const [provider, second] = this.index.entries(spec.kind);
    if (provider === undefined) {
      throw new HaError('DAEMON_NO_TRANSPORT', `${where}: no installed plugin provides "${spec.kind}" media`, {
        hint: `Install the transport plugin for ${spec.kind} (for UDP media: ha plugins install @heartline/transport-udp).`,
      });
    }
    if (second !== undefined) {
      throw new HaError(
        'DAEMON_TRANSPORT_CONFLICT',
        `${where}: "${spec.kind}" media are provided by both ${provider.descriptor.packageName} and ${second.descriptor.packageName}`,
      );
    }
    const factory = await this.loader.instance(provider.descriptor, provider.target, container);
    if (!isTransportFactory(factory) || !factory.kinds.includes(spec.kind)) {
      throw new HaError(
        'DAEMON_PLUGIN_SHAPE',
        `plugin ${provider.descriptor.packageName}: ${provider.target} is not a transport factory for "${spec.kind}" (needs kinds and create())`,
      );
    }
    return factory;
  }
}
