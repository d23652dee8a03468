import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../src/status/runFastStatus.js', import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every file the fast path loads, by following the static and literal dynamic imports of the compiled modules. */
function importClosure(start: string): string[] {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      todo.push(specifier.startsWith('.') ? resolve(dirname(file), specifier) : createRequire(file).resolve(specifier));
    }
  }
  return [...seen];
}

describe('the fast status path stays lean', () => {
  it('loads no oclif, tsyringe, reflect-metadata, plugin or @heartline/core index, and a handful of files', () => {
    const files = importClosure(entry);
    const heavy = files.filter((f) => /@oclif|tsyringe|reflect-metadata|\/agent-|\/transport-|\/core\/dist\/(src|bundle)\/index\.js$|\/commands\//.test(f));
    assert.deepEqual(heavy, []);
    // @heartline/core/errors is core's bundle entry (scripts/bundle.mjs), which imports only HaError's chunk.
    assert.ok(files.some((f) => f.endsWith('/core/dist/bundle/errors.js')), 'the closure is followed into core');
    assert.ok(files.length <= 30, `${files.length} files: ${files.join('\n')}`);
  });
});
