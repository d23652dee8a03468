import { setFlagsFromString } from 'node:v8';

/** Node or V8 options by which an operator chose the compilers himself; then they stay as chosen. */
const CHOSEN = /(^|\s)--(no-)?(opt|turbofan|maglev|sparkplug|jitless|lite-mode)\b/;

/**
 * Turns V8's compilers off for the rest of the process, the optimizing one (TurboFan) and the baseline
 * one (Sparkplug), unless the node command line or NODE_OPTIONS names a compiler option. The daemon
 * runs a few hundred µs of JavaScript a second, spread over a few wake-ups: compiled code never pays
 * back its compiler there. TurboFan's code pages and compile memory add ~7 MB to the daemon's RSS,
 * Sparkplug's ~0.8 MB, and at 8 nodes the interpreter alone even spends less CPU (0.23 % against
 * 0.32 %: test/bench/daemon.bench.ts, docs/performance.md). The interpreter still decodes and verifies
 * ~54,000 heartbeat messages a second on one core (with Sparkplug ~80,000, with TurboFan ~260,000:
 * packages/core/bench/wire.bench.ts run under each set of flags), far above any flood a LAN brings.
 */
export function skipJitCompilers(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env['NODE_OPTIONS'] ?? '',
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (CHOSEN.test(execArgv.join(' ')) || CHOSEN.test(nodeOptions)) return false;
  setFlags('--no-opt');
  setFlags('--no-sparkplug');
  return true;
}
