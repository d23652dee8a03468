import type { ErrorCode } from '@heartline/core';

/** One thing wrong with a virtual IP resource as written. */
export interface SpecProblem {
  readonly code: ErrorCode;
  readonly message: string;
}
