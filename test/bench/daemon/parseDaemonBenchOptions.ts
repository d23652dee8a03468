import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DaemonBenchOptions } from './DaemonBenchOptions.js';

export const DAEMON_BENCH_USAGE =
  'npm run bench -- daemon [--quick] [--window S] [--settle S] [--sizes 2,8] [--daemons heartline,heartbeat] [--compare OTHER/bin/ha.js] [--profile DIR [--profile-interval US]] [--json] [--keep]';

/** The benchmark's arguments, or a RangeError naming the one it cannot read. */
export function parseDaemonBenchOptions(argv: readonly string[]): DaemonBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      window: { type: 'string' },
      settle: { type: 'string' },
      sizes: { type: 'string', default: '2,8' },
      daemons: { type: 'string', default: 'heartline,heartbeat' },
      profile: { type: 'string' },
      compare: { type: 'string' },
      'profile-interval': { type: 'string', default: '1000' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const windowS = wholeNumber('--window', values.window ?? (values.quick ? '15' : '60'), 1);
  const settleS = wholeNumber('--settle', values.settle ?? (values.quick ? '3' : '10'), 0);
  const sizes = values.sizes.split(',').map((s) => wholeNumber('--sizes', s, 2));
  const daemons = values.daemons.split(',').map((d) => {
    if (d !== 'heartline' && d !== 'heartbeat') throw new RangeError(`--daemons takes heartline and heartbeat, not ${JSON.stringify(d)}`);
    return d;
  });
  if (values.compare !== undefined && !existsSync(values.compare)) throw new RangeError(`--compare wants an ha.js, and ${values.compare} does not exist`);
  return {
    windowS,
    settleS,
    sizes,
    daemons,
    compare: values.compare === undefined ? undefined : resolve(values.compare),
    profileDir: values.profile === undefined ? undefined : resolve(values.profile),
    profileIntervalUs: wholeNumber('--profile-interval', values['profile-interval'], 50),
    json: values.json,
    keep: values.keep,
  };
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${flag} wants whole numbers >= ${min}, not ${JSON.stringify(text)}`);
  return n;
}
