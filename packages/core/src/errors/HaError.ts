import { errorCatalogue, type ErrorCode } from './errorCatalogue.js';

export interface HaErrorOptions {
  /** Overrides the catalogue's generic hint with one that names the thing to fix. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/**
 * The error users see: a catalogued code, a message naming the thing and place, a hint with the fix,
 * and the process exit code. Checked by shape (`isHaError`), never `instanceof`, because plugins may
 * bring their own copy of core.
 */
export class HaError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly exitCode: number;
  readonly isHaError = true;

  constructor(code: ErrorCode, message: string, options: HaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HaError';
    this.code = code;
    this.hint = options.hint ?? errorCatalogue[code].hint;
    this.exitCode = errorCatalogue[code].exitCode;
  }

  /** Anchor of this code in docs/errors.md (GitHub keeps underscores in heading slugs). */
  get docsAnchor(): string {
    return `docs/errors.md#${this.code.toLowerCase()}`;
  }
}

export function isHaError(value: unknown): value is HaError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isHaError?: unknown }).isHaError === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
