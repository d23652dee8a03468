/** The start and stop timeouts of one resource, resolved from heartline.cf's `timeouts` lines and the defaults. */
export interface ResourceTimeouts {
  readonly startMs: number;
  readonly stopMs: number;
  /** Where the start timeout comes from: `heartline.cf:12`, or `default`. */
  readonly startOrigin: string;
  readonly stopOrigin: string;
}
