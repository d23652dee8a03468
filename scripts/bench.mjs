#!/usr/bin/env node
// `npm run bench [-- NAME…]`: builds, then runs benchmark modules compiled from the packages.
// A benchmark is any `packages/<pkg>/bench/<name>.bench.ts` (compiled to dist/bench/<name>.bench.js);
// each runs in its own node process with --expose-gc and a young generation large enough that a
// measured batch allocates without a collection, so the modules can report bytes per operation.
// No argument runs them all; `npm run bench -- list` lists them.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, repoRoot } from './lib/ensureBuilt.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) ensureBuilt();
const names = args.filter((a) => !a.startsWith('--'));

const benches = readdirSync(join(repoRoot, 'packages'))
  .map((pkg) => join(repoRoot, 'packages', pkg, 'dist', 'bench'))
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
  const result = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', b.path], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
