/** One resource of a group as agents see it: `IPaddr::10.0.0.5/24` is type `IPaddr`, args `['10.0.0.5/24']`. */
export interface ResourceInstance {
  /** The haresources token with the IPaddr shorthand expanded (`IPaddr::10.0.0.5/24`). */
  readonly spec: string;
  readonly type: string;
  readonly args: readonly string[];
}
