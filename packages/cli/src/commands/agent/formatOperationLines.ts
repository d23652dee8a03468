import { describeResult, type ConformanceOperation } from '@heartline/core';

/** `--verbose`: an operation and what the agent logged during it, indented under the checks. */
export function formatOperationLines(op: ConformanceOperation): string[] {
  const answer = op.result === undefined ? 'no answer' : describeResult(op.result);
  return [`      ${op.operation} ${op.resource}: ${answer} in ${Math.round(op.durationMs)} ms`, ...op.logs.map((l) => `        ${l}`)];
}
