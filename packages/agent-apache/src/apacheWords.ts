import type { CommandOutcome } from '@heartline/core';

/** What apache wrote on start, its lines joined (`AH00526: Syntax error on line 3 of …: Invalid command 'Bogus', …`). */
export function apacheWords(outcome: Pick<CommandOutcome, 'stdout' | 'stderr'>): string {
  return `${outcome.stderr}\n${outcome.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}
