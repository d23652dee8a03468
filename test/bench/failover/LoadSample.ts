/** What one cluster's daemons declared during a load phase in which no node died. */
export interface LoadSample {
  readonly variant: string;
  readonly phase: string;
  readonly durationS: number;
  /** `node X: is dead` lines in both nodes' logs: every one is false, as no node died. */
  readonly falseDeaths: number;
  /** `Late heartbeat` lines (a status later than warntime, 100 ms): the near misses. */
  readonly lateHeartbeats: number;
  /** Datagrams the loss rules dropped at both nodes (loss phases). */
  readonly dropped: number | undefined;
  /** The first false-death lines, for the report. */
  readonly examples: readonly string[];
  failure?: string;
}
