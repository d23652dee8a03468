// Shared by npm test / demo / bench: a fresh clone needs `npm ci` and a build before anything runs.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot });
  if (result.status !== 0) {
    console.error(`'${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** As root on Debian, installs the packages the cluster tests and the demo use (idempotent, quick when present). */
export function ensureSystemPackages() {
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v dpkg-query apt-get'], { stdio: 'ignore' }).status !== 0) return;
  run('bash', [join(repoRoot, 'scripts', 'install-system-deps.sh')]);
}

export function ensureBuilt() {
  const marker = join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = join(repoRoot, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  // What the packages' exports and the daemon load: bundles of the compiled code (scripts/bundle.mjs).
  run(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs')]);
}
