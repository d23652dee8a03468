import type { HaError } from '@heartline/core/errors';

/** What HaCommand prints on stderr for a catalogued error, for the fast path that runs without it. */
export function haErrorText(error: HaError): string {
  return `error ${error.code}: ${error.message}\n    hint: ${error.hint}\n    see: ${error.docsAnchor}\n`;
}
