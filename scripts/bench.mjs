#!/usr/bin/env node
// `npm run bench [-- NAME… [--FLAG…]]`: builds, then runs benchmark modules. A benchmark is any
// `packages/<pkg>/bench/<name>.bench.ts` (compiled to packages/<pkg>/dist/bench/<name>.bench.js) or
// root-level lab benchmark `test/bench/<name>.bench.ts` (compiled to test/dist/bench/<name>.bench.js);
// each runs in its own node process with --expose-gc and a young generation large enough that a
// measured batch allocates without a collection, so the modules can report bytes per operation.
// No name runs them all; `npm run bench -- list` lists them.
// Arguments: `--no-build` (anywhere) is the runner's own. The names come first; from the first other
// argument starting with `-` on, everything is passed to each selected module as its own arguments:
// `npm run bench -- ipaddr --runs 3 --crashes 1 --json`.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, repoRoot } from './lib/ensureBuilt.mjs';

const RUNNER_FLAGS = ['--no-build'];
const args = process.argv.slice(2);
const own = args.filter((a) => !RUNNER_FLAGS.includes(a));
const firstFlag = own.findIndex((a) => a.startsWith('-'));
const names = firstFlag < 0 ? own : own.slice(0, firstFlag);
const passed = firstFlag < 0 ? [] : own.slice(firstFlag);
if (!args.includes('--no-build')) ensureBuilt();

const benchDirs = [
  ...readdirSync(join(repoRoot, 'packages')).map((pkg) => join(repoRoot, 'packages', pkg, 'dist', 'bench')),
  join(repoRoot, 'test', 'dist', 'bench'),
];
const benches = benchDirs
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.bench.js')).map((f) => ({ name: f.slice(0, -'.bench.js'.length), path: join(dir, f) })))
  .sort((a, b) => a.name.localeCompare(b.name));

if (names.includes('list')) {
  for (const b of benches) console.log(`${b.name.padEnd(20)} ${relative(repoRoot, b.path)}`);
  process.exit(0);
}
const unknown = names.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${benches.map((b) => b.name).join(', ') || '(none)'}`);
  process.exit(64);
}
const selected = names.length === 0 ? benches : benches.filter((b) => names.includes(b.name));
let failed = 0;
for (const b of selected) {
  console.log(`\n### ${b.name} (${relative(repoRoot, b.path)})`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', b.path, ...passed], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
