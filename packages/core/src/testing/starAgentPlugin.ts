import { fileURLToPath } from 'node:url';
import type { PluginDescriptor } from '../plugins/PluginDescriptor.js';

/**
 * A plugin that provides only `*` (`StarAgent`), as agent-lsb provides heartbeat's script lookup:
 * for a plugin's manifest test, beside the plugin's own descriptor, to show which types the plugin
 * serves and which fall to the script agent. Its package is core's own (from dist/src/testing/).
 */
export function starAgentPlugin(): PluginDescriptor {
  return {
    packageName: 'stand-in-scripts',
    packageRoot: fileURLToPath(new URL('../../../', import.meta.url)),
    manifest: { apiVersion: 1, agents: { '*': './dist/src/testing/StarAgent.js#StarAgent' } },
  };
}
