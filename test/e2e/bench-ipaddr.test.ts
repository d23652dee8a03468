import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { repoRoot } from '../lib/repoRoot.js';

// `npm run bench -- ipaddr` in its short mode, so the benchmark never rots: it must run to the end
// and report every figure. The figures themselves are printed, never asserted (they are benchmarks).
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'tcpdump', 'ping'] }) ?? heartbeatSkipReason();

test('npm run bench -- ipaddr --runs 3 --crashes 1 runs to the end and reports every figure', { skip, timeout: 180_000 }, (t) => {
  const result = spawnSync(process.execPath, [join(repoRoot, 'test', 'dist', 'bench', 'ipaddr.bench.js'), '--runs', '3', '--crashes', '1', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 170_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, output);
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  assert.equal(summary['skipped'], undefined, output);
  assert.ok(typeof summary['agent'] === 'object' && summary['agent'] !== null, `agent figures: ${output}`);
  const takeover = summary['takeover'] as Record<string, unknown> | undefined;
  assert.deepEqual(Object.keys(takeover ?? {}).sort(), ['heartbeat', 'heartline'], `takeover figures for both daemons: ${output}`);
  for (const line of result.stdout.split('\n').filter((l) => /->|ping gap/.test(l) && /\d/.test(l))) t.diagnostic(line);
});
