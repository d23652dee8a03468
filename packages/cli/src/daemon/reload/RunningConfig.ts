import type { AuthKeys, HaCf, HaResourceGroup, HeartlineCf, PluginDescriptor } from '@heartline/core';

/** The configuration a daemon runs with: what it started with, plus what reloads applied since. */
export interface RunningConfig {
  readonly haCf: HaCf;
  /** ha.cf as read, to point at the line of a directive. */
  readonly haCfText: string;
  readonly files: { readonly haCf: string; readonly haresources: string; readonly authkeys: string; readonly heartline: string };
  readonly groups: readonly HaResourceGroup[];
  readonly authKeys: AuthKeys;
  readonly heartline: HeartlineCf;
  readonly plugins: readonly PluginDescriptor[];
}
