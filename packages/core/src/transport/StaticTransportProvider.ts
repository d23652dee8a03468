import type { MediaSpec } from '../config/MediaSpec.js';
import { HaError } from '../errors/HaError.js';
import type { TransportFactory } from './TransportFactory.js';
import type { TransportProvider } from './TransportProvider.js';

/** Factories given directly (tests, the simulator, embedding): the first one serving a kind wins. */
export class StaticTransportProvider implements TransportProvider {
  constructor(private readonly factories: readonly TransportFactory[]) {}

  factoryFor(spec: MediaSpec): Promise<TransportFactory> {
    const factory = this.factories.find((f) => f.kinds.includes(spec.kind));
    if (factory === undefined) {
      return Promise.reject(
        new HaError('DAEMON_NO_TRANSPORT', `${spec.where.file}:${spec.where.line}: no transport serves "${spec.kind}" media`),
      );
    }
    return Promise.resolve(factory);
  }
}
