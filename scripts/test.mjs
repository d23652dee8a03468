#!/usr/bin/env node
// `npm test`: installs dependencies when missing, builds, then runs every test file with node:test.
// Arguments filter test files by substring: `npm test -- wire membership`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';

ensureSystemPackages();
ensureBuilt();

const roots = [
  ...readdirSync(join(repoRoot, 'packages')).map((p) => join(repoRoot, 'packages', p, 'dist', 'test')),
  join(repoRoot, 'test', 'dist'),
];
const files = roots.filter((r) => existsSync(r)).flatMap(listTests).sort();
const filters = process.argv.slice(2);
const selected = filters.length === 0 ? files : files.filter((f) => filters.some((s) => relative(repoRoot, f).includes(s)));
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  cwd: repoRoot,
});
process.exit(result.status ?? 1);

function listTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTests(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}
