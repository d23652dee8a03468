import { readFileSync } from 'node:fs';

/**
 * When a process started, in clock ticks since boot (field 22 of /proc/PID/stat): with the pid it
 * names one process for good, since a pid is reused only by a process started later. Undefined
 * without /proc or when the process is gone.
 */
export function processStartTime(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/**
 * Whether the process has exited but is not reaped yet (a zombie, state Z or X): killed with -9 it
 * stays so until its parent waits for it, and `kill(pid, 0)` still succeeds.
 */
export function isExitedProcess(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state === 'Z' || state === 'X';
}

/** /proc/PID/stat from field 3 (state) on; undefined without /proc or when the process is gone. */
function statFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold blanks and parentheses itself.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
