import type { HaError } from '@heartline/core';

/** Where a plugin of the node comes from, in oclif's terms made plain. */
export type PluginOrigin = 'bundled' | 'installed' | 'linked' | 'dev' | 'jit';

/** One oclif plugin of this node as `ha plugins` shows it. */
export interface HeartlinePlugin {
  readonly name: string;
  readonly version: string;
  readonly origin: PluginOrigin;
  readonly root: string;
  /** Whether its package.json has a `heartline` section (false: an oclif plugin only, e.g. plugin-help). */
  readonly heartline: boolean;
  /** haresources types it serves (`*`: any script name); empty when refused. */
  readonly agents: readonly string[];
  /** ha.cf media kinds it serves; empty when refused. */
  readonly transports: readonly string[];
  /** STONITH types it serves (`external/*`: any external plugin script); empty when refused. */
  readonly fencers: readonly string[];
  /** Why this Heartline refuses it (DAEMON_PLUGIN_MANIFEST, _API_VERSION, _CORE_VERSION). */
  readonly refused: HaError | undefined;
}
