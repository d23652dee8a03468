import type { PluginDescriptor } from '@heartline/core';

/** What `ha start` hands to the daemon. */
export interface DaemonOptions {
  readonly configDir: string;
  /** `--node-name`; otherwise nodeinfo, then uname -n. */
  readonly nodeName: string | undefined;
  readonly stateDir: string;
  readonly runDir: string;
  /** Where LSB init scripts are (`/etc/init.d`). */
  readonly initDir: string;
  readonly plugins: readonly PluginDescriptor[];
  /** Reads the installed plugins anew (a reload compares them with `plugins`); absent: the list never changes. */
  readonly loadPlugins?: () => Promise<readonly PluginDescriptor[]>;
  readonly version: string;
  /** Where configuration issues and the log go in the foreground. */
  readonly stderr: (text: string) => void;
}
