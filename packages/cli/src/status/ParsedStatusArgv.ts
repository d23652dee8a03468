import type { StatusQuestion } from './StatusQuestion.js';

/** A `ha status …` command line the fast path answers itself. */
export interface ParsedStatusArgv {
  readonly question: StatusQuestion;
  readonly args: readonly string[];
  readonly runDir: string;
  readonly flags: Readonly<Record<string, boolean>>;
}
