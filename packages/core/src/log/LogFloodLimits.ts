/**
 * How much a flood of one kind of line may write (see LogFloodLimiter). Per interval the limiter
 * writes at most `fullLinesPerInterval` occurrences in full and one summary line per tracked
 * source (at most `maxSources`) plus one per reason for the sources it could not track.
 */
export interface LogFloodLimits {
  /** Occurrences of one reason from one source written in full before the rest are only counted. */
  readonly fullPerSource: number;
  /** Occurrences written in full per interval over every reason and source together. */
  readonly fullLinesPerInterval: number;
  /** How often a summary of what was not written goes out while it keeps coming. */
  readonly intervalMs: number;
  /** A source silent this long when a summary is due has stopped: its summary is the final one. */
  readonly quietMs: number;
  /** (reason, source) pairs tracked at once; the least recently seen is counted as "other sources". */
  readonly maxSources: number;
}

export const defaultLogFloodLimits: LogFloodLimits = {
  fullPerSource: 5,
  fullLinesPerInterval: 25,
  intervalMs: 60_000,
  quietMs: 10_000,
  maxSources: 16,
};
