import { CleanupStack } from './CleanupStack.js';

/**
 * The start of a benchmark that builds namespace labs: when `skip` names a reason, prints it (and a
 * JSON line with `--json`) and exits 0, as a benchmark that cannot run here reports rather than
 * fails; otherwise returns the stack its labs go on, run on SIGINT and SIGTERM before exiting 130.
 */
export function labBenchCleanup(bench: string, skip: string | undefined, json: boolean): CleanupStack {
  if (skip !== undefined) {
    console.log(`${bench}: skipped: ${skip}`);
    if (json) console.log(JSON.stringify({ bench, skipped: skip }));
    process.exit(0);
  }
  const cleanup = new CleanupStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${bench}: ${signal}, removing the labs`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  return cleanup;
}
