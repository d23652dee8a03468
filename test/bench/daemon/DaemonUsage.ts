/** What the processes of one node's daemon have used so far, summed over the processes. */
export interface DaemonUsage {
  readonly processes: number;
  /** utime + stime of every thread (/proc/PID/stat), clock ticks of 10 ms, sampled by the kernel's tick. */
  readonly cpuTicks: number;
  /** Time on a CPU of every live thread (/proc/PID/task/TID/schedstat), ns: exact, not sampled. */
  readonly onCpuNs: number;
  /** VmRSS and Pss (smaps_rollup), kB. */
  readonly rssKb: number;
  readonly pssKb: number;
  /** Threads of all the processes. */
  readonly threads: number;
}
