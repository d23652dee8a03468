import type { AuthKeySlot, AuthKeys } from './AuthKeys.js';
import type { ConfigIssue } from './ConfigIssue.js';
import { IssueList } from './IssueList.js';
import { sortIssues } from './sortIssues.js';

export interface AuthKeysParseResult {
  /** Undefined when no slot can sign (no `auth` line, or it names an undefined slot). */
  readonly keys: AuthKeys | undefined;
  readonly issues: readonly ConfigIssue[];
}

/** Heartbeat's MAXAUTH: slots 0 to 15. */
export const AUTH_SLOTS = 16;
const METHODS = new Set(['crc', 'md5', 'sha1']);

/**
 * Reads authkeys as heartbeat's `parse_authfile` does: comments only at the start of a line, a
 * line starting with `a` is `auth %d`, others `%d %s %s` (slot, method, key; the key is one word).
 * Like heartbeat, the signing slot is chosen while reading: when slot N is defined after `auth N`.
 */
export function parseAuthKeys(text: string, file: string): AuthKeysParseResult {
  const issues = new IssueList(file);
  const slots = new Map<number, AuthKeySlot>();
  const slotLines = new Map<number, number>();
  // Slots whose latest line was refused, to say why `auth N` finds nothing.
  const rejected = new Map<number, number>();
  let authnum = -1;
  let authLine = 0;
  let active: number | undefined;

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const start = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const column = start + 1;
    if (body === '' || body.startsWith('#')) return;
    if (body.startsWith('a')) {
      const auth = /^auth\s*([+-]?\d+)/.exec(body);
      if (auth === null) {
        issues.error(line, column, 'AUTHKEYS_BAD_AUTH_LINE', `'${body}' is not 'auth <slot>'`);
        return;
      }
      authnum = Number(auth[1]);
      authLine = line;
      if (authnum < 0 || authnum >= AUTH_SLOTS) issues.error(line, column, 'AUTHKEYS_BAD_SLOT', `auth ${authnum}: slot must be 0-15`);
      return;
    }
    const def = /^([+-]?\d+)\s*(\S+)(?:\s+(\S+))?\s*(.*)$/.exec(body);
    if (def === null) {
      issues.error(line, column, 'AUTHKEYS_BAD_LINE', `'${body}' is neither 'auth N' nor 'N method [key]'`);
      return;
    }
    const slot = Number(def[1]);
    const method = def[2] ?? '';
    const key = def[3];
    const rest = def[4] ?? '';
    const methodColumn = column + body.indexOf(method, (def[1] ?? '').length);
    rejected.set(slot, line);
    if (slot < 0 || slot >= AUTH_SLOTS) {
      issues.error(line, column, 'AUTHKEYS_BAD_SLOT', `key slot ${slot} is outside 0-15`);
      return;
    }
    if (!METHODS.has(method)) {
      issues.error(line, methodColumn, 'AUTHKEYS_UNKNOWN_METHOD', `slot ${slot}: unknown method '${method}'`);
      return;
    }
    if (method === 'crc' && key !== undefined) {
      const comment = key.startsWith('#') ? ` (heartbeat reads '${key}' as a key: put comments on their own line)` : '';
      issues.error(line, methodColumn, 'AUTHKEYS_UNEXPECTED_KEY', `slot ${slot}: crc takes no key${comment}`);
      return;
    }
    if (method !== 'crc' && key === undefined) {
      issues.error(line, methodColumn, 'AUTHKEYS_KEY_REQUIRED', `slot ${slot}: ${method} needs a key`);
      return;
    }
    if (rest !== '' && !rest.startsWith('#')) {
      issues.warning(line, column + raw.trim().lastIndexOf(rest), 'AUTHKEYS_KEY_TRUNCATED', `slot ${slot}: '${rest}' after the key is ignored; the key is '${key ?? ''}'`);
    }
    const earlier = slotLines.get(slot);
    if (earlier !== undefined) issues.warning(line, column, 'AUTHKEYS_DUPLICATE_SLOT', `slot ${slot} is already defined on line ${earlier}; this line replaces it`);
    rejected.delete(slot);
    slots.set(slot, { slot, method, key });
    slotLines.set(slot, line);
    if (slot === authnum) active = slot;
  });

  if (active === undefined) {
    if (authLine === 0) {
      issues.error(0, 0, 'AUTHKEYS_NO_AUTH', 'no auth line names the signing slot');
    } else if (slots.has(authnum)) {
      issues.error(authLine, 1, 'AUTHKEYS_ORDER', `'auth ${authnum}' comes after slot ${authnum} is defined (line ${slotLines.get(authnum) ?? 0})`);
    } else if (authnum >= 0 && authnum < AUTH_SLOTS) {
      const why = rejected.has(authnum) ? ` (its line ${rejected.get(authnum) ?? 0} was refused)` : '';
      issues.error(authLine, 1, 'AUTHKEYS_SLOT_UNDEFINED', `auth ${authnum}: slot ${authnum} is not defined${why}`);
    }
  } else if (active !== authnum) {
    issues.warning(authLine, 1, 'AUTHKEYS_SLOT_UNDEFINED', `'auth ${authnum}' has no effect: no slot ${authnum} follows it, heartbeat keeps signing with slot ${active}`);
  }
  return { keys: active === undefined ? undefined : { activeSlot: active, slots }, issues: sortIssues(issues.items) };
}
