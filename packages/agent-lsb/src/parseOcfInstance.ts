const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/**
 * An OCF instance file (`/etc/ha.d/conf/OCF/<type>/<instance>`) as environment variables. Like
 * heartbeat's wrapper: `#` to the end of a line is a comment, leading blanks go, and only
 * NAME=value lines count. heartbeat sources the file and exports the names as written, so files
 * written for it say `OCF_RESKEY_ip=…`: names starting with `OCF_` pass as they are, any other
 * NAME becomes `OCF_RESKEY_NAME`. One pair of surrounding quotes is removed from a value.
 */
export function parseOcfInstance(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const match = ASSIGNMENT.exec(raw.replace(/#.*/, '').trim());
    if (match === null) continue;
    const [, name = '', value = ''] = match;
    env[name.startsWith('OCF_') ? name : `OCF_RESKEY_${name}`] = unquote(value.trim());
  }
  return env;
}

function unquote(value: string): string {
  const first = value.charAt(0);
  return value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first) ? value.slice(1, -1) : value;
}
