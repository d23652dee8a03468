import { e2eSkipReason } from '@heartline/core/testing';
import { CTS_COMMANDS } from './ctsCommands.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { ctsTable } from './ctsTable.js';
import { runCts } from './CtsRunner.js';
import { CTS_USAGE, parseCtsArgs, type CtsArgs } from './parseCtsArgs.js';


/**
 * `npm run cts -- …` (scripts/cts.mjs runs this after building): the run, one line per fault, the
 * table, and exit 1 with the seed when an invariant broke or a fault did not recover.
 */
async function main(argv: readonly string[]): Promise<number> {
  let args: CtsArgs;
  try {
    args = parseCtsArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${CTS_USAGE}`);
    return 64;
  }
  const skip = e2eSkipReason({ root: true, commands: CTS_COMMANDS }) ?? (args.mode === 'mixed' ? heartbeatSkipReason() : undefined);
  if (skip !== undefined) {
    console.error(`cts: cannot run here: ${skip}`);
    return 77;
  }
  const print = (line: string): void => void (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  const report = await runCts({ faults: args.faults, seed: args.seed, mode: args.mode, print, keepFiles: args.keepFiles, ...(args.only === undefined ? {} : { only: args.only }) });
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else print(`\n${ctsTable(report)}`);
  const bad = report.violations + report.unrecovered;
  const summary = `cts: ${report.faults.length} faults, ${report.violations} invariant violation(s), ${report.unrecovered} not recovered, ` +
    `${(report.elapsedMs / 1000).toFixed(0)} s; seed ${report.seed} (replay: npm run cts -- --faults ${args.faults} --seed ${report.seed} --mode ${report.mode}${args.only === undefined ? '' : ` --only '${args.only.join(',')}'`})`;
  (bad === 0 ? print : (l: string) => process.stderr.write(`${l}\n`))(bad === 0 ? summary : `FAILED ${summary}`);
  return bad === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
