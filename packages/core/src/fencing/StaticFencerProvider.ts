import { HaError } from '../errors/HaError.js';
import type { Fencer } from './Fencer.js';
import type { FencerProvider } from './FencerProvider.js';
import { fencerKey } from './fencerKey.js';

/** Fencers given directly (tests, the simulator, embedding): an exact type, else `external/*`. */
export class StaticFencerProvider implements FencerProvider {
  constructor(private readonly fencers: readonly Fencer[]) {}

  provides(type: string): boolean {
    return this.keyOf(type) !== undefined;
  }

  fencerFor(type: string): Promise<Fencer> {
    const key = this.keyOf(type);
    const fencer = this.fencers.find((f) => f.type === key);
    if (fencer === undefined) return Promise.reject(new HaError('FENCE_NO_FENCER', `no fencer serves STONITH type "${type}"`));
    return Promise.resolve(fencer);
  }

  private keyOf(type: string): string | undefined {
    return fencerKey(type, (name) => this.fencers.some((f) => f.type === name));
  }
}
