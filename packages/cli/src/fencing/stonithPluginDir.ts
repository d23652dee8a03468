import { fencingDefaults } from '@heartline/core';

/**
 * heartbeat's STONITH plugin directory (external plugins in its `external/`): cluster-glue's
 * /usr/lib/stonith/plugins, unless HEARTLINE_STONITH_PLUGIN_DIR names another (tests, a site that
 * keeps its scripts elsewhere). The same for `ha start` and `ha config check`.
 */
export function stonithPluginDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['HEARTLINE_STONITH_PLUGIN_DIR'];
  return dir === undefined || dir === '' ? fencingDefaults.stonithPluginDir : dir;
}
