import type { FenceConfirmations } from './FenceConfirmations.js';
import type { FenceDevice } from './FenceDevice.js';
import type { FencerProvider } from './FencerProvider.js';

/**
 * The STONITH device of a node (ResourceLayerOptions.fencing): the device ha.cf configures for it
 * and where its fencer comes from. The node builds the fencer in its own container at start.
 */
export interface FencingOptions {
  readonly device: FenceDevice;
  readonly fencers: FencerProvider;
  /** Where `ha fence confirm` lands; a fresh one when absent (nobody can confirm then). */
  readonly confirmations?: FenceConfirmations;
  /** Default fencingDefaults.stonithPluginDir. */
  readonly stonithPluginDir?: string;
  /** Overrides the fencer's own reset timeout (and the 120 s default). */
  readonly resetTimeoutMs?: number;
}
