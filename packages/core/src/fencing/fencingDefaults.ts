/** Where and how long fencing runs unless told otherwise. */
export const fencingDefaults = {
  /** heartbeat's (cluster-glue's) STONITH plugin directory; external plugins are in its `external/`. */
  stonithPluginDir: '/usr/lib/stonith/plugins',
  /** A reset that has not answered by then failed (heartbeat waits for ever; we retry instead). */
  resetTimeoutMs: 120_000,
  /** A status check of the device. */
  statusTimeoutMs: 60_000,
  /** Between a failed reset and the next (heartbeat's StonithProcessDied). */
  retryDelayMs: 5000,
  /** Between status checks of the device (heartbeat's StonithStatProcessDied). */
  statusIntervalMs: 3_600_000,
} as const;
