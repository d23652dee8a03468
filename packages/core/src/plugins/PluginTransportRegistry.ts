import type { DependencyContainer } from 'tsyringe';
import type { MediaSpec } from '../config/MediaSpec.js';
import { HaError } from '../errors/HaError.js';
import type { TransportFactory } from '../transport/TransportFactory.js';
import type { TransportProvider } from '../transport/TransportProvider.js';
import { PluginClassLoader } from './PluginClassLoader.js';
import type { PluginDescriptor } from './PluginDescriptor.js';
import { validateManifest } from './validateManifest.js';

interface Provider {
  readonly descriptor: PluginDescriptor;
  readonly target: string;
}

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
  private readonly byKind = new Map<string, Provider[]>();
  private readonly loader = new PluginClassLoader();

  constructor(descriptors: readonly PluginDescriptor[]) {
    for (const descriptor of descriptors) {
      const manifest = validateManifest(descriptor);
      for (const [kind, target] of Object.entries(manifest.transports)) {
        const list = this.byKind.get(kind) ?? [];
        list.push({ descriptor, target });
        this.byKind.set(kind, list);
      }
    }
  }

  /** Which packages provide each media kind. */
  kinds(): ReadonlyMap<string, readonly string[]> {
    return new Map([...this.byKind].map(([kind, list]) => [kind, list.map((p) => p.descriptor.packageName)]));
  }

  async factoryFor(spec: MediaSpec, container: DependencyContainer): Promise<TransportFactory> {
    const where = `${spec.where.file}:${spec.where.line}`;
    const providers = this.byKind.get(spec.kind) ?? [];
    const [provider, second] = providers;
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
