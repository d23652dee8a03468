import { randomInt } from 'node:crypto';
import type { CtsMode } from './CtsCluster.js';

export interface CtsArgs {
  readonly faults: number;
  readonly seed: number;
  readonly mode: CtsMode;
  readonly json: boolean;
  readonly only: readonly string[] | undefined;
  readonly keepFiles: boolean;
}

export const CTS_USAGE = `usage: npm run cts -- [--faults N] [--seed S] [--mode heartline|mixed] [--only KIND[,KIND…]] [--json] [--keep]
  --faults N   how many faults (default 30)
  --seed S     the schedule's seed (default: random, printed); the same seed replays the same run
  --mode M     heartline: Heartline on both nodes (default); mixed: heartbeat 3.0.6 on node1
  --only K     only the fault kinds whose name contains one of these words
  --json       the report as JSON on stdout (progress goes to stderr)
  --keep       keep the lab's files even when the run passed`;

/** Parses `npm run cts` arguments; throws a RangeError with what is wrong. */
export function parseCtsArgs(argv: readonly string[]): CtsArgs {
  let faults = 30;
  let seed: number | undefined;
  let mode: CtsMode = 'heartline';
  let json = false;
  let keepFiles = false;
  let only: string[] | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = (): string => {
      const v = argv[++k];
      if (v === undefined) throw new RangeError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--faults') faults = positiveInteger(arg, value());
    else if (arg === '--seed') seed = positiveInteger(arg, value(), true);
    else if (arg === '--mode') {
      const v = value();
      if (v !== 'heartline' && v !== 'mixed') throw new RangeError(`--mode is heartline or mixed, not ${v}`);
      mode = v;
    } else if (arg === '--only') only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--json') json = true;
    else if (arg === '--keep') keepFiles = true;
    else throw new RangeError(`unknown argument ${arg}`);
  }
  return { faults, seed: seed ?? randomInt(1, 2 ** 31 - 1), mode, json, only, keepFiles };
}

function positiveInteger(name: string, text: string, zero = false): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < (zero ? 0 : 1)) throw new RangeError(`${name} wants a whole number${zero ? '' : ' above 0'}, not ${text}`);
  return n;
}
