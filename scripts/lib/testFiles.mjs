// The compiled test files of every package and of the root test/ tree, filtered by substrings of
// their path (`npm test -- wire membership`, `npm run soak -- interop/heartbeat-serial 20`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './ensureBuilt.mjs';

export function testFiles(filters = []) {
  const roots = [
    ...readdirSync(join(repoRoot, 'packages')).map((p) => join(repoRoot, 'packages', p, 'dist', 'test')),
    join(repoRoot, 'test', 'dist'),
  ];
  const files = roots.filter((r) => existsSync(r)).flatMap(listTests).sort();
  return filters.length === 0 ? files : files.filter((f) => filters.some((s) => relative(repoRoot, f).includes(s)));
}

function listTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTests(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}
