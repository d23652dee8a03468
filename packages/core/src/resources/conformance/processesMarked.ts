import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A live process that carries a conformance run's mark. */
export interface MarkedProcess {
  readonly pid: number;
  /** Its name (`/proc/PID/comm`). */
  readonly command: string;
}

/**
 * The live processes (zombies left out) whose environment holds `name=value`, from `/proc`. Processes
 * this user may not read (another user's, without root) are not seen.
 */
export function processesMarked(name: string, value: string, procDir = '/proc'): MarkedProcess[] {
  const wanted = `${name}=${value}`;
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(join(procDir, entry, 'environ'), 'latin1');
      if (!environ.split('\0').includes(wanted)) continue;
      const stat = readFileSync(join(procDir, entry, 'stat'), 'latin1');
      if (stat.charAt(stat.lastIndexOf(')') + 2) === 'Z') continue;
      found.push({ pid: Number(entry), command: readFileSync(join(procDir, entry, 'comm'), 'utf8').trim() });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
