/** A value token of an ha.cf line and the 1-based column where it starts. */
export interface HaCfWord {
  readonly text: string;
  readonly column: number;
}
