/** Where `ha start` and `ha status` look by default. */
export const daemonDefaults = {
  configDir: '/etc/ha.d',
  /** heartbeat's HA_VARLIBHBDIR: hb_generation, hb_uuid, hostcache. */
  stateDir: '/var/lib/heartbeat',
  /** LSB init scripts, the second place heartbeat looks for a resource script. */
  initDir: '/etc/init.d',
  /** The control sockets and the pid file live here. */
  runDir: '/run/heartline',
  /** Questions (ha status): root and group haclient. docs/control-protocol.md. */
  socketName: 'control.sock',
  /** Commands that change the cluster (ha standby, ha takeover): root only. */
  adminSocketName: 'admin.sock',
  /** The group whose members may ask questions, as heartbeat's cl_status allows. */
  readGroup: 'haclient',
  /** cl_status gives up after 5 s (exit 12). */
  queryTimeoutMs: 5000,
} as const;
