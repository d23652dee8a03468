#!/usr/bin/env node
// `npm run cts -- [--faults N] [--seed S] [--mode heartline|mixed] [--json]`: heartbeat CTS's
// scenarios as seeded faults on a two-node namespace lab (test/cts, docs/cts.md). Installs and
// builds first, like `npm test`; exits 1 (printing the seed) on an invariant violation or a fault
// the cluster did not recover from, 77 when it cannot run here (not root, a command missing).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';

ensureSystemPackages();
ensureBuilt();
const result = spawnSync(process.execPath, ['--enable-source-maps', join(repoRoot, 'test', 'dist', 'cts', 'ctsMain.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: repoRoot,
});
process.exit(result.status ?? 1);
