import { readdirSync, readFileSync } from 'node:fs';
import { processUsage } from '../../lib/processUsage.js';
import type { DaemonUsage } from './DaemonUsage.js';

/** The usage of `pids` summed; a process that is gone by now counts as nothing. */
export function readDaemonUsage(pids: readonly number[]): DaemonUsage {
  let usage: DaemonUsage = { processes: 0, cpuTicks: 0, onCpuNs: 0, rssKb: 0, pssKb: 0, threads: 0 };
  for (const pid of pids) {
    const p = processUsage(pid);
    if (p === undefined) continue;
    const tasks = taskOnCpu(pid);
    usage = {
      processes: usage.processes + 1,
      cpuTicks: usage.cpuTicks + p.cpuTicks,
      onCpuNs: usage.onCpuNs + tasks.ns,
      rssKb: usage.rssKb + p.rssKb,
      pssKb: usage.pssKb + p.pssKb,
      threads: usage.threads + tasks.threads,
    };
  }
  return usage;
}

/** The first field of each thread's schedstat (sum_exec_runtime, ns); the process's own file counts its main thread only. */
function taskOnCpu(pid: number): { ns: number; threads: number } {
  let ns = 0;
  let threads = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
        threads++;
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // the process ended meanwhile
  }
  return { ns, threads };
}
