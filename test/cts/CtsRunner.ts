import { CTS_GROUPS, CtsCluster, type CtsMode } from './CtsCluster.js';
import { ctsServicePlacement } from './ctsPlacement.js';
import type { CtsFaultResult, CtsRunReport } from './CtsResult.js';
import { CtsViolation } from './CtsViolation.js';
import { FAULT_CATALOGUE } from './faultCatalogue.js';
import { scheduleFaults } from './scheduleFaults.js';
import { SeededRandom } from './SeededRandom.js';

export interface CtsRunOptions {
  readonly faults: number;
  readonly seed: number;
  readonly mode: CtsMode;
  /** Only these kinds (substrings of the kind), when given. */
  readonly only?: readonly string[];
  /** One line per fault as it ends, and progress. */
  readonly print: (line: string) => void;
  /** Keep the lab's files (logs) after the run even when it passed. */
  readonly keepFiles?: boolean;
}

/**
 * A CTS run: a fresh two-node lab, both daemons started, then `faults` faults chosen by the seed,
 * one at a time, each printed as it ends. A fault that breaks an invariant or does not recover is
 * recorded, the cluster is reset (CtsCluster.reset) and the run goes on. The lab's files are kept
 * (their path printed) when anything failed.
 */
export async function runCts(options: CtsRunOptions): Promise<CtsRunReport> {
  const startedAt = performance.now();
  const cluster = await CtsCluster.create(options.mode);
  const results: CtsFaultResult[] = [];
  let failed = false;
  try {
    const kinds = FAULT_CATALOGUE.filter((f) => f.applies(cluster) && (options.only === undefined || options.only.some((s) => f.kind.includes(s))));
    const schedule = scheduleFaults(kinds, options.faults, new SeededRandom(options.seed));
    options.print(`cts: seed ${options.seed}, mode ${options.mode}, ${schedule.length} faults of ${kinds.length} kinds; lab ${cluster.lab.dir}`);
    await cluster.startAll();
    for (const [k, fault] of schedule.entries()) {
      const index = k + 1;
      const at = performance.now();
      let result: CtsFaultResult;
      try {
        // Each fault draws from its own generator: a replay is exact even after a failed fault.
        const outcome = await fault.run(cluster, new SeededRandom(options.seed * 1009 + index));
        await cluster.settled();
        result = { index, kind: fault.kind, outcome: 'recovered', detail: outcome.detail, recoverMs: outcome.recoverMs, cycleMs: performance.now() - at, lost: [] };
      } catch (error) {
        failed = true;
        const violation = error instanceof CtsViolation;
        const lost = await lostNow(cluster);
        result = {
          index,
          kind: fault.kind,
          outcome: violation ? 'violation' : 'not recovered',
          detail: (error as Error).message,
          recoverMs: undefined,
          cycleMs: performance.now() - at,
          lost,
        };
      }
      results.push(result);
      options.print(faultLine(result, schedule.length));
      if (result.outcome !== 'recovered') {
        options.print(`   resetting the cluster after fault ${index}`);
        await cluster.reset();
      }
    }
  } finally {
    await cluster.destroy(failed || options.keepFiles === true);
    if (failed || options.keepFiles === true) options.print(`lab files kept in ${cluster.lab.dir}`);
  }
  return {
    seed: options.seed,
    mode: options.mode,
    faults: results,
    violations: results.filter((r) => r.outcome === 'violation').length,
    unrecovered: results.filter((r) => r.outcome === 'not recovered').length,
    elapsedMs: performance.now() - startedAt,
  };
}

/** Groups served nowhere and daemons that died by themselves, at the moment a fault gave up. */
async function lostNow(cluster: CtsCluster): Promise<string[]> {
  const lost: string[] = [];
  const where = await ctsServicePlacement(cluster.nodes, CTS_GROUPS).catch(() => ({}) as Record<string, string[]>);
  for (const [owner, services] of Object.entries(CTS_GROUPS)) {
    if (services.every((s) => (where[s] ?? []).length === 0)) lost.push(`${owner}'s group`);
  }
  for (const [k, d] of cluster.daemons.entries()) {
    if (cluster.up[k] === true && !(await d.isRunning().catch(() => false))) lost.push(`${d.node.name}'s daemon`);
  }
  return lost;
}

function faultLine(r: CtsFaultResult, of: number): string {
  const head = `[${String(r.index).padStart(String(of).length)}/${of}] ${r.kind.padEnd(34)}`;
  if (r.outcome === 'recovered') return `${head} recovered in ${(r.recoverMs! / 1000).toFixed(1)} s (cycle ${(r.cycleMs / 1000).toFixed(1)} s): ${r.detail}`;
  const lost = r.lost.length === 0 ? '' : ` [lost: ${r.lost.join(', ')}]`;
  return `${head} ${r.outcome.toUpperCase()}${lost}: ${r.detail.split('\n').join('\n      ')}`;
}
