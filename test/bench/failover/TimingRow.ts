/** One (keepalive, deadtime) of the failover table. */
export interface TimingRow {
  /** As ha.cf takes them: `2` (seconds) or `100ms`. */
  readonly keepalive: string;
  readonly deadtime: string;
  readonly keepaliveMs: number;
  readonly deadtimeMs: number;
  /** `100 ms / 500 ms`. */
  readonly label: string;
  /** The seeds' timing (keepalive 2 s / deadtime 10 s): slow, measured with fewer runs. */
  readonly seed: boolean;
}
