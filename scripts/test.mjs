#!/usr/bin/env node
// `npm test`: installs dependencies when missing, builds, then runs every test file with node:test.
// Arguments filter test files by substring: `npm test -- wire membership`.
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';
import { testFiles } from './lib/testFiles.mjs';

ensureSystemPackages();
ensureBuilt();

const filters = process.argv.slice(2);
const selected = testFiles(filters);
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  cwd: repoRoot,
});
process.exit(result.status ?? 1);
