/** One idle cluster of one daemon, bcast at keepalive 1 s, over one window; per node figures. */
export interface IdleSample {
  readonly daemon: 'heartline' | 'heartbeat';
  /** What the table calls it: Heartline, heartbeat 3.0.6, or the --compare `ha`. */
  readonly label: string;
  readonly nodes: number;
  readonly windowS: number;
  /** CPU % of one core from utime + stime (tick sampled): mean and max over the nodes. */
  readonly cpuPctMean: number;
  readonly cpuPctMax: number;
  /** CPU % of one core from the threads' exact time on a CPU (schedstat): mean and max over the nodes. */
  readonly onCpuPctMean: number;
  readonly onCpuPctMax: number;
  /** At the end of the window, every process of the daemon: RSS and PSS in MiB, mean and max over the nodes. */
  readonly rssMiBMean: number;
  readonly rssMiBMax: number;
  readonly pssMiBMean: number;
  readonly processes: number;
  readonly threads: number;
  /** Datagrams a node received on its lab interface per second (its peers' heartbeats), mean. */
  readonly rxPacketsPerS: number;
  /** Exact CPU time per received datagram, µs (onCpu / rx packets), mean over the nodes. */
  readonly cpuUsPerRxPacket: number;
  /** Whether the daemons ran under --cpu-prof (its figures carry the profiler's cost). */
  readonly profiled: boolean;
}
