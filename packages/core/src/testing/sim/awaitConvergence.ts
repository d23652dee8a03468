import { convergenceGap } from './convergenceGap.js';
import type { SimWorld } from './SimWorld.js';

/**
 * Runs the world until it has been converged for `quietMs` without a break, and returns when that
 * stretch began, relative to `fromMs`; undefined (with a `convergence` violation) when no such
 * stretch began within `boundMs` of `fromMs`.
 */
export async function awaitConvergence(world: SimWorld, fromMs: number, boundMs: number, quietMs: number, what: string): Promise<number | undefined> {
  let stretchMs: number | undefined;
  let gap: string | undefined;
  for (;;) {
    await world.advance(250);
    if (world.ended) return undefined;
    const now = world.clock.now();
    gap = convergenceGap(world);
    if (gap !== undefined) stretchMs = undefined;
    else stretchMs ??= now;
    if (stretchMs !== undefined && now - stretchMs >= quietMs) return stretchMs - fromMs;
    if ((stretchMs ?? now) - fromMs > boundMs) break;
  }
  // Two strangers that both run a group never converge: heartbeat's protocol has no way out.
  if (world.checker.limitation !== undefined) return undefined;
  world.checker.fail(
    'convergence',
    world.clock.now(),
    `${what}: not converged ${((world.clock.now() - fromMs) / 1000).toFixed(1)} s after the cluster was healthy (bound ${boundMs / 1000} s, then quiet for ${quietMs / 1000} s): ${gap ?? 'it did not stay so'}`,
  );
  world.check();
  return undefined;
}
