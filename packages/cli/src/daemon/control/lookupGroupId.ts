import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The gid in a group(5) line for `name`, if the text has one. */
function gidIn(text: string, name: string): number | undefined {
  for (const line of text.split('\n')) {
    const [group, , gid] = line.split(':');
    if (group === name && gid !== undefined && /^\d+$/.test(gid)) return Number(gid);
  }
  return undefined;
}

/**
 * The gid of group `name` as the system resolves it (getent: /etc/group, and LDAP or sssd when
 * configured); undefined when there is no such group. When getent is missing or fails otherwise
 * (a directory server down at boot), /etc/group alone decides, where a system group such as
 * haclient lives: the node starts either way, at worst serving root only.
 */
export function lookupGroupId(name: string): Promise<number | undefined> {
  const local = (): number | undefined => {
    try {
      return gidIn(readFileSync('/etc/group', 'utf8'), name);
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve) => {
    execFile('getent', ['group', name], { timeout: 5000 }, (error, stdout) => {
      if (error === null) resolve(gidIn(stdout, name));
      else if (error.code === 2) resolve(undefined); // getent: no such key
      else resolve(local());
    });
  });
}
