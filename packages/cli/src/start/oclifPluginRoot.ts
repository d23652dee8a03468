import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The directory of plugin `name` as oclif 4 finds it from `from` (its find-root module, which
 * the lean start path must agree with): where require.resolve leads, walked up to the directory
 * named like the package; else a node_modules/<name> or a package.json named `name` on the way up
 * from `from`. Undefined when neither finds it (oclif then warns and skips the plugin).
 */
export function oclifPluginRoot(name: string, from: string): string | undefined {
  let entry: string | undefined;
  try {
    entry = require.resolve(name, { paths: [from] });
  } catch {
    entry = undefined;
  }
  if (entry !== undefined) {
    const found = rootAbove(dirname(entry), name);
    if (found !== undefined) return found;
  }
  for (const dir of upFrom(from)) {
    const installed = join(dir, 'node_modules', name);
    if (readJson(join(installed, 'package.json')) !== undefined) return installed;
    if ((readJson(join(dir, 'package.json')) as { name?: unknown } | undefined)?.name === name) return dir;
  }
  return undefined;
}

/** From a file's directory up: the first directory named like the package, else the first with a package.json. */
function rootAbove(start: string, name: string): string | undefined {
  for (const dir of upFrom(start)) if (dir.endsWith(basename(name))) return dir;
  for (const dir of upFrom(start)) {
    const isBinScript = basename(dirname(dir)) === 'bin' && ['dev', 'dev.cmd', 'dev.js', 'run', 'run.cmd', 'run.js'].includes(basename(dir));
    if (!isBinScript && readJson(join(dir, 'package.json')) !== undefined) return dir;
  }
  return undefined;
}

function* upFrom(from: string): Generator<string> {
  let dir = from;
  while (dirname(dir) !== dir) {
    yield dir;
    dir = dirname(dir);
  }
  yield dir;
}

/** A parsed JSON file, or undefined when it cannot be read or parsed (oclif's safeReadJson). */
export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
