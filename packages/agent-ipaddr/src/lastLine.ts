import type { CommandOutcome } from '@heartline/core';

/** A command's own last words: the last non-blank line of stderr, else of stdout, else its exit. */
export function lastLine(outcome: CommandOutcome): string {
  if (outcome.spawnError !== undefined) return `cannot run: ${outcome.spawnError}`;
  for (const text of [outcome.stderr, outcome.stdout]) {
    const line = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').pop();
    if (line !== undefined) return line;
  }
  return outcome.exitCode === undefined ? `killed by ${outcome.signal ?? 'a signal'}` : `exit code ${outcome.exitCode}`;
}
