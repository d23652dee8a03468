import { readFileSync } from 'node:fs';

/** What one process has used so far, from /proc (host PIDs). */
export interface ProcessUsage {
  /** utime + stime of every thread, in clock ticks (USER_HZ). */
  readonly cpuTicks: number;
  /** Resident set (VmRSS) and proportional set (Pss of smaps_rollup: shared pages split between their users). */
  readonly rssKb: number;
  readonly pssKb: number;
}

/** USER_HZ, the unit of utime and stime in /proc/PID/stat: 100 on every Linux architecture Node runs on. */
export const CLOCK_TICKS_PER_S = 100;

/** The process's usage, or undefined when it is gone (or exits while being read). */
export function processUsage(pid: number): ProcessUsage | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const pssKb = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    return { cpuTicks, rssKb, pssKb };
  } catch {
    return undefined;
  }
}
