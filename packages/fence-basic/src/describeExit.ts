import { lastOutputLine, type CommandOutcome } from '@heartline/core';

/** Why a plugin operation did not exit 0, in cluster-glue's words where it has some (`failed with rc N`). */
export function describeExit(what: string, outcome: CommandOutcome, timeoutMs: number): string {
  if (outcome.spawnError !== undefined) return `'${what}' cannot be run: ${outcome.spawnError}`;
  if (outcome.timedOut) return `'${what}' did not finish within ${timeoutMs} ms (its process group was killed)`;
  const last = lastOutputLine(outcome);
  const how = outcome.exitCode === undefined ? `was killed by ${outcome.signal ?? 'a signal'}` : `failed with rc ${outcome.exitCode}`;
  return `'${what}' ${how}${last === undefined ? '' : `: ${last}`}`;
}
