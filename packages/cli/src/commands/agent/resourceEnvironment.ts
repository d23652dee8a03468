import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHaCf, resourceScriptEnv } from '@heartline/core';

/**
 * The environment the daemon gives resource scripts on this node (HA_DIR, HA_CURHOST, HA_LOGFILE…,
 * OCF_ROOT), from `<configDir>/ha.cf` when there is one, else from heartbeat's defaults: an agent
 * can be tested before the cluster is configured. Problems in ha.cf are `ha config check`'s business.
 */
export function resourceEnvironment(configDir: string, nodeName: string): Record<string, string> {
  const path = join(configDir, 'ha.cf');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  return resourceScriptEnv(parseHaCf(text, path).config, nodeName, configDir);
}
