/** A table of the report, rendered as text for the terminal and as Markdown for docs/benchmarks.md. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** How the figures were taken, printed under the table. */
  readonly notes: readonly string[];
}
