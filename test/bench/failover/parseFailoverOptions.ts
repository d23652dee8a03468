import { parseArgs } from 'node:util';
import { DAEMON_PAIRS, DEFAULT_PAIRS } from './DaemonPair.js';
import type { FailoverOptions } from './FailoverOptions.js';
import { LOAD_PHASES, type LoadPhase } from './LoadPhase.js';
import { DEFAULT_TIMINGS, parseTimingRow } from './parseTimingRow.js';

export const FAILOVER_USAGE = [
  'usage: npm run bench -- failover [--short] [--long] [--runs N] [--seed-runs N] [--timings KA/DT,…|none] [--pairs heartbeat,heartline,mixed,heartline-noprobe]',
  '       [--scale N,…|none] [--scale-media bcast,ucast] [--idle-window S] [--load-minutes M] [--load-phases cpu,loss,cpu+loss]',
  '       [--json] [--markdown FILE] [--keep]',
].join('\n');

/** The full default mode, and `--short` (CI: one timing, two rounds, small idle clusters); explicit flags win over both. */
const FULL = { timings: DEFAULT_TIMINGS.join(','), runs: '10', seedRuns: '3', scale: '2,8,16', idleWindow: '30' };
const SHORT = { timings: '100ms/500ms', runs: '2', seedRuns: '1', scale: '2', idleWindow: '3' };

/** Parses the benchmark's arguments; throws a RangeError that names the bad one. */
export function parseFailoverOptions(argv: readonly string[]): FailoverOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      short: { type: 'boolean', default: false },
      long: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'seed-runs': { type: 'string' },
      timings: { type: 'string' },
      pairs: { type: 'string', default: DEFAULT_PAIRS.join(',') },
      scale: { type: 'string' },
      'scale-media': { type: 'string', default: 'bcast,ucast' },
      'idle-window': { type: 'string' },
      'load-minutes': { type: 'string', default: '10' },
      'load-phases': { type: 'string', default: 'cpu,loss' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const preset = values.short ? SHORT : FULL;
  const list = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const pairs = list(values.pairs).map((id) => {
    const pair = DAEMON_PAIRS.find((p) => p.id === id);
    if (pair === undefined) throw new RangeError(`--pairs: unknown pair ${JSON.stringify(id)} (${DAEMON_PAIRS.map((p) => p.id).join(', ')})`);
    return pair;
  });
  const scaleText = values.scale ?? preset.scale;
  const media = list(values['scale-media']).map((m) => {
    if (m !== 'bcast' && m !== 'ucast') throw new RangeError(`--scale-media: ${JSON.stringify(m)} is neither bcast nor ucast`);
    return m;
  });
  const phases = list(values['load-phases']).map((p) => {
    if (!(LOAD_PHASES as readonly string[]).includes(p)) throw new RangeError(`--load-phases: ${JSON.stringify(p)} is none of ${LOAD_PHASES.join(', ')}`);
    return p as LoadPhase;
  });
  return {
    timings: (values.timings ?? preset.timings) === 'none' ? [] : list(values.timings ?? preset.timings).map(parseTimingRow),
    pairs,
    runs: count('--runs', values.runs ?? preset.runs, 1),
    seedRuns: count('--seed-runs', values['seed-runs'] ?? preset.seedRuns, 1),
    scaleNodes: scaleText === 'none' ? [] : list(scaleText).map((n) => count('--scale', n, 2)),
    scaleMedia: media,
    idleWindowS: count('--idle-window', values['idle-window'] ?? preset.idleWindow, 1),
    loadPhases: values.long ? phases : [],
    loadS: Math.round(positive('--load-minutes', values['load-minutes']) * 60),
    json: values.json,
    markdown: values.markdown,
    keep: values.keep,
    argv: [...argv],
  };
}

function count(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${flag} wants a whole number >= ${min}, not ${JSON.stringify(text)}`);
  return n;
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`${flag} wants a number > 0, not ${JSON.stringify(text)}`);
  return n;
}
