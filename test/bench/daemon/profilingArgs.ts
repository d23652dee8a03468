import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A stretch of CLOCK_MONOTONIC in µs, the clock of V8's CPU profiles (startTime, timeDeltas). */
export interface ProfileWindow {
  readonly startUs: number;
  readonly endUs: number;
}


/**
 * The node options that run a process under --cpu-prof, sampling every `intervalUs` (a .cpuprofile in `dir` at exit; Node
 * refuses it in NODE_OPTIONS) with memoryReport.js preloaded (a JSON memory report in `dir` on
 * SIGUSR2, told where by HEARTLINE_MEMORY_REPORT_DIR, which `env` sets). The lab's containers see the
 * host's files.
 */
export function profilingArgs(dir: string, intervalUs: number): [string, ...string[]] {
  mkdirSync(dir, { recursive: true });
  return [
    'env',
    `HEARTLINE_MEMORY_REPORT_DIR=${dir}`,
    process.execPath,
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-interval=${intervalUs}`,
    `--import=${pathToFileURL(join(import.meta.dirname, 'memoryReport.js')).href}`,
  ];
}
