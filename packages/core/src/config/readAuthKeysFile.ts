import { open } from 'node:fs/promises';
import type { ConfigIssue } from './ConfigIssue.js';
import { IssueList } from './IssueList.js';
import { parseAuthKeys, type AuthKeysParseResult } from './parseAuthKeys.js';
import { readProblem } from './readProblem.js';

export interface KeyFileOwnerOptions {
  /** The uid allowed to own the file besides root; defaults to the effective uid when not root. */
  readonly uid?: number;
}

/**
 * Reads and parses an authkeys file, refusing it (keys undefined) when group or others have any
 * permission on it or when it is not owned by root. Heartbeat checks only the read bits ("Bad
 * permissions on keyfile [...], 600 recommended."); a group-writable key file is no safer, so any
 * bit is refused. A non-root process (tests, a user running `ha config check`) also accepts files
 * it owns itself, since it could not have read a root-only file anyway.
 */
export async function readAuthKeysFile(path: string, options: KeyFileOwnerOptions = {}): Promise<AuthKeysParseResult> {
  const issues = new IssueList(path);
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      // fstat on the open handle: the checked file is the one read.
      checkKeyFile(await handle.stat(), path, issues, options.uid ?? ownUid());
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { keys: undefined, issues: [readProblem(path, error)] };
  }
  const parsed = parseAuthKeys(text, path);
  const refused = issues.hasErrors();
  const all: ConfigIssue[] = [...issues.items, ...parsed.issues];
  return { keys: refused ? undefined : parsed.keys, issues: all };
}

function ownUid(): number | undefined {
  const uid = process.geteuid?.();
  return uid === 0 ? undefined : uid;
}

function checkKeyFile(stat: { mode: number; uid: number }, path: string, issues: IssueList, allowedUid: number | undefined): void {
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    issues.error(0, 0, 'AUTHKEYS_BAD_PERMISSIONS', `bad permissions ${mode.toString(8).padStart(4, '0')} on keyfile ${path}, 600 recommended`, `Run \`chmod 600 ${path}\`.`);
  }
  if (stat.uid !== 0 && stat.uid !== allowedUid) {
    issues.error(0, 0, 'AUTHKEYS_BAD_OWNER', `keyfile ${path} is owned by uid ${stat.uid}, not root`, `Run \`chown root:root ${path}\`.`);
  }
}
