/** Where `ha start` and `ha status` look by default. */
export const daemonDefaults = {
  configDir: '/etc/ha.d',
  /** heartbeat's HA_VARLIBHBDIR: hb_generation, hb_uuid, hostcache. */
  stateDir: '/var/lib/heartbeat',
  /** LSB init scripts, the second place heartbeat looks for a resource script. */
  initDir: '/etc/init.d',
  /** The control socket `control.sock` lives here. */
  runDir: '/run/heartline',
  socketName: 'control.sock',
  /** cl_status gives up after 5 s (exit 12). */
  queryTimeoutMs: 5000,
} as const;
