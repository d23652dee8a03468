import type { Logger } from '../log/Logger.js';
import type { CommandRunner } from '../resources/CommandRunner.js';
import type { Clock } from '../time/Clock.js';
import type { FenceConfirmations } from './FenceConfirmations.js';
import type { FenceDevice } from './FenceDevice.js';

/** What a fencer's `validate` may use: `ha config check` and `ha start` run it before any reset. */
export interface FenceValidateContext {
  /**
   * heartbeat's STONITH plugin directory (`/usr/lib/stonith/plugins`): cluster-glue's external
   * plugins are the executables in its `external/` directory.
   */
  readonly stonithPluginDir: string;
  /** For a fencer that asks its device what it takes (an external plugin's `getconfignames`). */
  readonly commands: CommandRunner;
  /** The environment heartbeat gives the scripts it runs (HA_DIR, HA_CURHOST, …). */
  readonly env: Readonly<Record<string, string>>;
}

/** What a fencer gets for one reset or status check. */
export interface FenceContext extends FenceValidateContext {
  readonly device: FenceDevice;
  /** This node's name (the one doing the reset). */
  readonly nodeName: string;
  /** A child logger naming the device. */
  readonly logger: Logger;
  readonly clock: Clock;
  /** How long this operation may still take; the signal aborts when it is over. */
  readonly timeoutMs: number;
  /** Aborts when the operation times out, the node to reset comes back, or the daemon stops. */
  readonly signal: AbortSignal;
  /** Where `ha fence confirm NODE` lands (the meatware fencer waits on it). */
  readonly confirmations: FenceConfirmations;
}
