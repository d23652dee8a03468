import type { ErrorCode } from '@heartline/core';

/** One thing wrong with an apache resource as written, with its catalogued code. */
export interface SpecProblem {
  readonly code: ErrorCode;
  readonly message: string;
}
