import type { FenceConfirmations } from '../fencing/FenceConfirmations.js';
import type { Fencer } from '../fencing/Fencer.js';
import type { FencingOptions } from '../fencing/FencingOptions.js';
import { StaticFencerProvider } from '../fencing/StaticFencerProvider.js';

/**
 * ResourceLayerOptions.fencing for a node of a test or the simulator: `fencer` (a ScriptedFencer,
 * or a real one) as the device of a `stonith_host * TYPE PARAMS` line.
 */
export function scriptedFencing(fencer: Fencer, options: { readonly params?: string; readonly confirmations?: FenceConfirmations } = {}): FencingOptions {
  const type = fencer.type === 'external/*' ? 'external/scripted' : fencer.type;
  return {
    device: { type, params: options.params ?? '', where: { file: '/etc/ha.d/ha.cf', line: 1, column: 1 }, source: `stonith_host * ${type}` },
    fencers: new StaticFencerProvider([fencer]),
    ...(options.confirmations === undefined ? {} : { confirmations: options.confirmations }),
  };
}
