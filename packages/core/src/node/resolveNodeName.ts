import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { HaError } from '../errors/HaError.js';

/**
 * get_localnodeinfo: who we are. An explicit name wins; else the first line of
 * `<configDir>/nodeinfo` if there is one; else `uname -n`. Always lowercased, as heartbeat does.
 */
export function resolveNodeName(options: { readonly explicit?: string | undefined; readonly configDir: string; readonly uname?: () => string }): string {
  let name = options.explicit;
  if (name === undefined) {
    try {
      const text = readFileSync(join(options.configDir, 'nodeinfo'), 'utf8');
      // heartbeat takes the first line only when it ends in a newline.
      const newline = text.indexOf('\n');
      if (newline > 0) name = text.slice(0, newline);
    } catch {
      // no nodeinfo: uname -n
    }
  }
  name ??= (options.uname ?? hostname)();
  const lower = name.toLowerCase();
  if (lower.length === 0 || lower.length > 99 || /\s/.test(lower)) {
    throw new HaError('DAEMON_NODE_NAME', `node name ${JSON.stringify(name)} is not usable (1 to 99 characters, no blanks)`);
  }
  return lower;
}
