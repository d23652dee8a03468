import type { StatusAnswer } from './StatusAnswer.js';

/**
 * One `ha status` question, in a form both paths use: the oclif command (help, parse errors) and the
 * fast path of bin/ha.js, which must know the exact grammar to hand anything else over to oclif.
 */
export interface StatusQuestion {
  /** The word after `ha status` (oclif id `status:<word>`); '' for `ha status` itself. */
  readonly word: string;
  /** Required positional arguments, in order (none is optional). */
  readonly args: readonly string[];
  /** Boolean flags besides --run-dir, by long name, with their one-letter form when they have one. */
  readonly booleanFlags: Readonly<Record<string, string | undefined>>;
  ask(runDir: string, args: readonly string[], flags: Readonly<Record<string, boolean>>): Promise<StatusAnswer>;
}
