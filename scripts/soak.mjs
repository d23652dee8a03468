#!/usr/bin/env node
// `npm run soak -- FILTER [FILTER…] N`: runs the test files whose path contains a FILTER N times,
// one file at a time (as `npm test` runs them), and prints how often each test failed. A failing
// run's whole output is kept (its path is printed). Installs and builds first, like `npm test`.
//   npm run soak -- interop/heartbeat-serial-failover 20
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';
import { testFiles } from './lib/testFiles.mjs';

const args = process.argv.slice(2);
const runs = Number(args.at(-1));
const filters = args.slice(0, -1);
if (!Number.isInteger(runs) || runs < 1 || filters.length === 0) {
  console.error('usage: npm run soak -- FILTER [FILTER…] RUNS   (e.g. npm run soak -- interop/heartbeat-serial 20)');
  process.exit(64);
}
ensureSystemPackages();
ensureBuilt();
const files = testFiles(filters);
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

const logs = mkdtempSync(join(tmpdir(), 'heartline-soak-'));
/** test name (file › suite › test) → { runs, failures } */
const tally = new Map();
let failedRuns = 0;
for (let run = 1; run <= runs; run++) {
  for (const file of files) {
    const name = relative(repoRoot, file);
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=tap', file], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const output = `${result.stdout}${result.stderr}`;
    const outcomes = tapOutcomes(result.stdout);
    for (const { test, ok } of outcomes) {
      const key = `${name} › ${test}`;
      const entry = tally.get(key) ?? { runs: 0, failures: 0 };
      entry.runs++;
      if (!ok) entry.failures++;
      tally.set(key, entry);
    }
    const failed = result.status !== 0;
    let line = `run ${run}/${runs} ${name}: ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`;
    if (failed) {
      failedRuns++;
      const log = join(logs, `run${run}-${name.replaceAll('/', '_')}.log`);
      writeFileSync(log, output);
      line += ` (${outcomes.filter((o) => !o.ok).map((o) => o.test).join('; ') || `exit ${result.status ?? result.signal}`}; output in ${log})`;
    }
    console.log(line);
  }
}

console.log(`\nfailures per test over ${runs} run(s):`);
for (const [test, { runs: n, failures }] of [...tally].sort()) console.log(`${String(failures).padStart(4)} / ${n}  ${test}`);
const failures = [...tally.values()].reduce((sum, e) => sum + e.failures, 0);
console.log(`soak: ${failures} test failure(s), ${failedRuns} failed file run(s) of ${runs * files.length}`);
process.exit(failedRuns === 0 ? 0 : 1);

/** The leaf tests of a TAP stream (node:test's reporter) with their outcome, named suite › test. */
function tapOutcomes(tap) {
  const outcomes = [];
  const suites = [];
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(lines[i]);
    if (subtest !== null) {
      const depth = subtest[1].length / 4;
      suites.length = depth;
      suites[depth] = subtest[2];
      continue;
    }
    const result = /^(\s*)(ok|not ok) \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(lines[i]);
    if (result === null) continue;
    const depth = result[1].length / 4;
    // The YAML block after a result says `type: 'suite'` for a suite; leaves are the tests. A suite
    // whose before/after hook failed counts as one failure of its own.
    let isSuite = false;
    let hookFailed = false;
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
      if (/^\s*type: 'suite'/.test(lines[j])) isSuite = true;
      if (/^\s*failureType: 'hookFailed'/.test(lines[j])) hookFailed = true;
    }
    const name = [...suites.slice(0, depth), result[3]].join(' › ');
    if (!isSuite) outcomes.push({ test: name, ok: result[2] === 'ok' });
    else if (hookFailed) outcomes.push({ test: `${name} (before/after hook)`, ok: false });
  }
  return outcomes;
}
