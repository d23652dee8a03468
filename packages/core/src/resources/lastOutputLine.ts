import type { CommandOutcome } from './CommandRunner.js';

/** The last non-blank line of stderr, else of stdout: usually the script's own reason for failing. */
export function lastOutputLine(outcome: CommandOutcome): string | undefined {
  for (const text of [outcome.stderr, outcome.stdout]) {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    if (last !== undefined) return last;
  }
  return undefined;
}
