import type { Command } from '@oclif/core';
import { isHaError } from '@heartline/core';

/**
 * Prints a catalogued error as `error CODE: message` plus its hint and docs anchor on stderr, and
 * exits with its exit code. Returns (does nothing) for anything that is not an HaError, so the
 * caller can hand it on to oclif.
 */
export function exitWithHaError(command: Command, error: unknown): void {
  if (!isHaError(error)) return;
  command.logToStderr(`error ${error.code}: ${error.message}\n    hint: ${error.hint}\n    see: ${error.docsAnchor}`);
  command.exit(error.exitCode);
}
