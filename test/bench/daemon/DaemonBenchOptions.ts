/** What `npm run bench -- daemon …` was asked to measure. */
export interface DaemonBenchOptions {
  /** Idle window per cluster, seconds (60; 15 with --quick). */
  readonly windowS: number;
  /** Seconds between every node having seen every peer active and the window (JIT and start-up settle). */
  readonly settleS: number;
  /** Cluster sizes, bcast at keepalive 1 s (2 and 8). */
  readonly sizes: readonly number[];
  readonly daemons: ReadonlyArray<'heartline' | 'heartbeat'>;
  /** Another `ha` (its bin/ha.js) measured as a third daemon, e.g. a checkout from before a change (--compare FILE). */
  readonly compare: string | undefined;
  /** Directory for Heartline's CPU profiles and memory reports (--profile DIR); undefined: not profiled. */
  readonly profileDir: string | undefined;
  /** The profiler's sampling interval, µs (1000, V8's default; finer intervals slow the sampled thread). */
  readonly profileIntervalUs: number;
  readonly json: boolean;
  readonly keep: boolean;
}
