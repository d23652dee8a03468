/** A sample's summary, milliseconds. */
export interface Figures {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}
