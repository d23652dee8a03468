import { join } from 'node:path';
import type { ConfigFiles } from './ConfigFiles.js';
import { globToRegExp } from './globToRegExp.js';

const WILDCARD = /[*?[]/;

/**
 * The files an `Include` path names, in the order apache reads them: wildcards in any component
 * (matches sorted; names starting with `.` only for a pattern that does), a directory read whole
 * (its files, then its subdirectories', sorted), a plain file as it is. Missing: none.
 */
export function expandInclude(path: string, files: ConfigFiles): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  let candidates = [path.startsWith('/') ? '/' : '.'];
  for (const part of parts) {
    if (!WILDCARD.test(part)) {
      candidates = candidates.map((c) => join(c, part));
      continue;
    }
    const pattern = globToRegExp(part);
    candidates = candidates.flatMap((dir) =>
      (files.listDirectory(dir) ?? [])
        .filter((name) => pattern.test(name) && (!name.startsWith('.') || part.startsWith('.')))
        .sort()
        .map((name) => join(dir, name)),
    );
  }
  return candidates.flatMap((c) => readable(c, files, 0));
}

function readable(path: string, files: ConfigFiles, depth: number): string[] {
  if (files.isFile(path)) return [path];
  const names = files.listDirectory(path);
  if (names === undefined || depth > 8) return [];
  return names
    .filter((n) => !n.startsWith('.'))
    .sort()
    .flatMap((n) => readable(join(path, n), files, depth + 1));
}
