import { setFlagsFromString } from 'node:v8';

/** Node or V8 options by which an operator chose the compilers himself; then they stay as chosen. */
const CHOSEN = /(^|\s)--(no-)?(opt|turbofan|maglev|sparkplug|jitless|lite-mode)\b/;

/**
 * Turns V8's optimizing compiler (TurboFan) off for the rest of the process, unless the node command
 * line or NODE_OPTIONS names a compiler option. The daemon runs a few hundred µs of JavaScript a
 * second, spread over a few wake-ups: optimized code never pays back its compiler there, whose code
 * pages and compile memory add ~7 MB to the daemon's RSS once it runs (test/bench/daemon.bench.ts,
 * docs/performance.md). The baseline code still decodes and verifies ~75,000 heartbeat messages a
 * second on one core (TurboFan's ~260,000: `npm run bench -- wire`), far above any flood a LAN brings.
 */
export function skipOptimizingCompiler(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env['NODE_OPTIONS'] ?? '',
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (CHOSEN.test(execArgv.join(' ')) || CHOSEN.test(nodeOptions)) return false;
  setFlags('--no-opt');
  return true;
}
