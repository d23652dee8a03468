/** Where cluster-glue's external plugins find their helpers, and how long their quick operations may take. */
export const externalSettings = {
  /** cluster-glue's GLUE_SHARED_DIR (ha_log.sh), put first on the plugins' PATH as cluster-glue does. */
  glueSharedDir: '/usr/share/cluster-glue',
  /** getconfignames: answered at once by every plugin. */
  configNamesTimeoutMs: 10_000,
  fallbackPath: '/usr/sbin:/usr/bin:/sbin:/bin',
} as const;
