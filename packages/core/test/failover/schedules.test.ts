import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TestNode } from '../node/cluster.js';
import { failoverCluster } from './failoverCluster.js';

type Cluster = ReturnType<typeof failoverCluster>;

/** What an operator or the power grid does to one of the two nodes. */
type Action =
  | { readonly kind: 'crash'; readonly node: 0 | 1 }
  | { readonly kind: 'stop'; readonly node: 0 | 1 }
  | { readonly kind: 'standby' | 'takeover'; readonly node: 0 | 1; readonly set: 'all' | 'local' | 'foreign' }
  | { readonly kind: 'wait' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('crash' as const), node: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('stop' as const), node: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({
    kind: fc.constantFrom('standby' as const, 'takeover' as const),
    node: fc.constantFrom(0 as const, 1 as const),
    set: fc.constantFrom('all' as const, 'local' as const, 'foreign' as const),
  }),
  fc.record({ kind: fc.constant('wait' as const) }),
);

/** Each action happens after a random pause, short enough to land in the middle of transitions. */
const step = fc.record({ action, pauseMs: fc.integer({ min: 50, max: 8_000 }) });

/**
 * A node that is down comes back (a new generation) before the next action: at once after a
 * graceful stop (`ha start` again), but a crashed machine only once it has had time to reboot,
 * longer than deadtime (its peer has declared it dead by then, as in real life).
 */
async function bringBack(c: Cluster, generations: number[], crashedAt: Array<number | undefined>): Promise<void> {
  for (const i of [0, 1]) {
    if (c.nodes[i]!.node.status().state !== 'stopped') continue;
    const crashed = crashedAt[i];
    if (crashed !== undefined && c.clock.now() - crashed < REBOOT_MS) continue;
    crashedAt[i] = undefined;
    generations[i] = (generations[i] ?? 0) + 1;
    await c.restart(i, generations[i]!).node.start();
  }
}

/** A reboot takes longer than deadtime (5 s in these clusters). */
const REBOOT_MS = 12_000;

function runningOnBoth(c: Cluster): string[] {
  return c.services.on('node1').filter((r) => c.services.isRunning('node2', r));
}

describe('failover under random schedules (two nodes, in memory)', () => {
  for (const mode of ['on', 'off', 'legacy'] as const) {
    it(`auto_failback ${mode}: crashes, stops, standby and takeover in any order never run a resource twice, and every group runs once things settle`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: Number(process.env['HL_STEPS'] ?? 6) }), async (steps) => {
          const c = failoverCluster(mode);
          const generations = [0x100, 0x200];
          const crashedAt: Array<number | undefined> = [undefined, undefined];
          const doubled: string[] = [];
          const watch = async (ms: number) => {
            for (let t = 0; t < ms; t += 50) {
              await c.run(50);
              for (const r of runningOnBoth(c)) doubled.push(`${r} at ${c.clock.now()} ms`);
            }
          };
          for (const n of c.nodes) await n.node.start();
          await watch(20_000);
          for (const { action: a, pauseMs } of steps) {
            const target: TestNode | undefined = a.kind === 'wait' ? undefined : c.nodes[a.node];
            if (a.kind === 'crash' && target !== undefined) {
              await target.node.halt();
              c.services.crash(target.name, c.clock.now());
              crashedAt[a.node] = c.clock.now();
            } else if (a.kind === 'stop' && target !== undefined) {
              void target.node.stop();
            } else if ((a.kind === 'standby' || a.kind === 'takeover') && target !== undefined) {
              target.node.requestStandby(a.kind, a.set); // refusals are fine: the point is the timing
            }
            await watch(pauseMs);
            await bringBack(c, generations, crashedAt);
          }
          // Let everything settle: stops finish (shutdone, 2 s), restarts negotiate (RQSTDELAY 10 s).
          await watch(REBOOT_MS);
          await bringBack(c, generations, crashedAt);
          await watch(40_000);
          for (const n of c.nodes) await n.node.halt();
          assert.deepEqual(doubled.slice(0, 3), [], `a resource ran on both nodes (steps ${JSON.stringify(steps)})`);
          const everywhere = ['svcA', 'svcA2', 'svcB'].map((r) => [r, ['node1', 'node2'].filter((n) => c.services.isRunning(n, r))]);
          for (const [r, hosts] of everywhere) {
            assert.equal(hosts!.length, 1, `${String(r)} runs on ${JSON.stringify(hosts)} once settled (steps ${JSON.stringify(steps)})`);
          }
        }),
        { numRuns: Number(process.env['HL_RUNS'] ?? 12), seed: Number(process.env['HL_SEED'] ?? 20261126) },
      );
    });
  }
});
