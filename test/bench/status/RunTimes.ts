/** One command timed N times on a lab node: per run, wall and CPU (user + sys of the command), ms; and its answer. */
export interface RunTimes {
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  /** What the first run printed (stdout, trimmed, tabs and newlines shown) and its exit code. */
  readonly answer: string;
}
