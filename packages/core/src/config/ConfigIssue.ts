import type { ErrorCode } from '../errors/errorCatalogue.js';
import type { SourceLocation } from './SourceLocation.js';

export type IssueSeverity = 'error' | 'warning';

/**
 * One problem found in a configuration file. `line` 0 means the file as a whole (a missing
 * directive, a bad permission), which has no line to point at.
 */
export interface ConfigIssue extends SourceLocation {
  readonly code: ErrorCode;
  readonly severity: IssueSeverity;
  /** Names the thing: the directive, value, node or slot. */
  readonly message: string;
  /** What to change to fix it. */
  readonly hint: string;
}
