import { readFileSync } from 'node:fs';

/** ha_msg_loadavg: the first line of /proc/loadavg without its newline, `n/a` if unreadable. */
export function readLoadAverage(path = '/proc/loadavg'): string {
  try {
    const text = readFileSync(path, 'latin1');
    const line = text.split('\n')[0] ?? '';
    return line === '' ? 'n/a' : line;
  } catch {
    return 'n/a';
  }
}
