import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { repoRoot } from '../lib/repoRoot.js';

// `npm run bench -- failover --short`, so the benchmark never rots: it must run to the end and report
// every figure for every daemon pair. The figures themselves are printed, never asserted (they are benchmarks).
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'tcpdump', 'ping', 'perl'] }) ?? heartbeatSkipReason();

type FigureSet = Record<string, { n: number } | null>;
type Summary = {
  skipped?: string;
  failover?: Array<{ pairs: Record<string, { rounds: number; figures: FigureSet; steps: FigureSet }> }>;
  scale?: Array<{ daemon: string; media: string; convergeMs?: number; cpuPctMean?: number; rssMiB?: number; txBytesPerS?: number }>;
  targets?: string[];
};

/** Figures every pair has in every round, whichever daemon runs (heartbeat's IPaddr sends no duplicate-address probe). */
const ALWAYS = ['crashToDeadMs', 'lastStatusToDeadMs', 'deadToGarpMs', 'pingGapMs', 'arpGapMs', 'crashToServiceMs', 'standbyPingGapMs', 'failbackPingGapMs'];

test('npm run bench -- failover --short runs to the end and reports every figure', { skip, timeout: 330_000 }, (t) => {
  const result = spawnSync(process.execPath, [join(repoRoot, 'test', 'dist', 'bench', 'failover.bench.js'), '--short', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 320_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, output);
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Summary;
  assert.equal(summary.skipped, undefined, output);
  const row = summary.failover?.[0];
  assert.deepEqual(Object.keys(row?.pairs ?? {}).sort(), ['heartbeat', 'heartline', 'mixed'], `failover figures for the three pairs: ${output}`);
  for (const [pair, figures] of Object.entries(row!.pairs)) {
    assert.ok(figures.rounds >= 1, `${pair}: no round measured: ${output}`);
    for (const key of ALWAYS) assert.notEqual(figures.figures[key] ?? null, null, `${pair}: ${key} missing: ${output}`);
  }
  const scale = summary.scale ?? [];
  assert.deepEqual(scale.map((s) => `${s.daemon}/${s.media}`).sort(), ['heartbeat/bcast', 'heartbeat/ucast', 'heartline/bcast', 'heartline/ucast'], output);
  for (const s of scale) {
    for (const key of ['convergeMs', 'cpuPctMean', 'rssMiB', 'txBytesPerS'] as const) assert.equal(typeof s[key], 'number', `${s.daemon}/${s.media}: ${key} missing: ${output}`);
  }
  const start = result.stdout.indexOf('=== summary ===');
  for (const line of result.stdout.slice(start).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'))) t.diagnostic(line);
});
