// Preloaded into a profiled Heartline daemon (--import, see profilingArgs): on SIGUSR2 it
// writes where the process's memory is — process.memoryUsage(), V8's heap spaces, and the CommonJS
// modules loaded per package — to $HEARTLINE_MEMORY_REPORT_DIR/memory-<host>-<n>.json.
// The daemon itself has no SIGUSR2 handler; this one adds nothing else to it.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

const dir = process.env['HEARTLINE_MEMORY_REPORT_DIR'];
let reports = 0;
if (dir !== undefined) {
  process.on('SIGUSR2', () => {
    const cache = createRequire(import.meta.url).cache;
    const packages: Record<string, number> = {};
    for (const file of Object.keys(cache)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(outside node_modules)';
      packages[name] = (packages[name] ?? 0) + 1;
    }
    const report = {
      memoryUsage: process.memoryUsage(),
      heap: getHeapStatistics(),
      heapSpaces: getHeapSpaceStatistics().map((s) => ({ name: s.space_name, sizeKb: s.space_size >> 10, usedKb: s.space_used_size >> 10 })),
      commonJsModules: Object.keys(cache).length,
      commonJsPackages: packages,
    };
    writeFileSync(join(dir, `memory-${hostname()}-${++reports}.json`), `${JSON.stringify(report, null, 1)}\n`);
  });
}
