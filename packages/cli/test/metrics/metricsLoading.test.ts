import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const compiled = (path: string): string => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** The files a module loads at once: its static imports, followed; dynamic imports are not. */
function staticClosure(start: string): string[] {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      todo.push(specifier.startsWith('.') ? resolve(dirname(file), specifier) : createRequire(file).resolve(specifier));
    }
  }
  return [...seen];
}

describe('prom-client is loaded only when metrics are on', () => {
  it('ha start and the daemon load neither prom-client nor the metrics modules until heartline.cf asks', () => {
    const files = staticClosure(compiled('commands/start/Start.js'));
    assert.ok(files.some((f) => f.endsWith('/daemon/Daemon.js')), 'the closure reaches the daemon');
    assert.ok(files.some((f) => f.endsWith('/daemon/openMetrics.js')));
    assert.deepEqual(files.filter((f) => /prom-client|\/daemon\/metrics\//.test(f)), []);
  });

  it('openMetrics brings them in with one dynamic import, which does load prom-client', () => {
    const opener = compiled('daemon/openMetrics.js');
    const dynamic = [...readFileSync(opener, 'utf8').matchAll(DYNAMIC)].map((m) => m[1]);
    assert.deepEqual(dynamic, ['./metrics/startMetrics.js']);
    const files = staticClosure(resolve(dirname(opener), './metrics/startMetrics.js'));
    assert.ok(files.some((f) => /\/node_modules\/prom-client\//.test(f)), 'the metrics modules load prom-client');
  });
});
