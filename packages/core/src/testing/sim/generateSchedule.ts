import { defaultGenerateOptions, type SimGenerateOptions } from './SimGenerateOptions.js';
import { SimRandom } from './SimRandom.js';
import type { SimSchedule } from './SimSchedule.js';
import type { SimStep } from './SimStep.js';

type StepKind = SimStep['kind'];

/** The schedule a seed stands for, with these options: the same seed and options, the same schedule. */
export function generateSchedule(seed: number, options: SimGenerateOptions = defaultGenerateOptions): SimSchedule {
  const random = SimRandom.fork(seed, 'schedule');
  const nodes = random.int(options.minNodes, options.maxNodes);
  const groups = nodes === 2;
  const monitoring = groups && random.chance(options.monitoringShare);
  const mixed = groups && random.chance(options.mixedShare);
  const kinds: Array<readonly [StepKind, number]> = [
    ['crash', 14],
    ['stop', 10],
    ['partition', 10],
    ['heal', 8],
    ['weather', 10],
    ['wait', 4],
    ...(groups ? ([['standby', 10], ['takeover', 8]] as const) : []),
    ...(monitoring ? ([['kill', 10]] as const) : []),
  ];
  const steps = Array.from({ length: random.int(1, options.maxSteps) }, () => step(random.weighted(kinds), nodes, random));
  // Nodes boot together, or one after the other within initdead and beyond it.
  const staggered = random.chance(0.4);
  return {
    seed,
    nodes,
    autoFailback: random.pick(options.modes),
    groups,
    monitoring,
    ...(mixed ? { heartbeatPeer: random.int(0, 1) } : {}),
    bootAtMs: Array.from({ length: nodes }, () => (staggered ? random.int(0, 15_000) : 0)),
    warmupMs: random.int(0, 30_000),
    probeNode: random.int(0, 1),
    steps,
  };
}

function step(kind: StepKind, nodes: number, random: SimRandom): SimStep {
  // Half the pauses are short, to land in the middle of transitions; half let things happen.
  const pauseMs = random.chance(0.5) ? random.int(20, 1500) : random.int(1500, 9000);
  const node = random.int(0, nodes - 1);
  switch (kind) {
    case 'crash':
      return { kind, node, pauseMs, ...(random.chance(0.8) ? { downMs: random.int(0, 20_000) } : {}) };
    case 'stop':
      return { kind, node, pauseMs, ...(random.chance(0.8) ? { downMs: random.int(0, 15_000) } : {}) };
    case 'standby':
    case 'takeover':
      return { kind, node, pauseMs, set: random.pick(['all', 'local', 'foreign'] as const) };
    case 'kill':
      return { kind, pauseMs, resource: random.pick(['svcA1', 'svcA2', 'svcA3', 'svcB1', 'svcB2']) };
    case 'partition':
      return { kind, pauseMs, sides: partitionSides(nodes, random) };
    case 'weather': {
      const maxDelay = random.pick([1, 20, 200, 800]);
      return { kind, pauseMs, lossPct: random.pick([0, 0, 5, 20, 50]), delayMs: [1, maxDelay], dupPct: random.pick([0, 0, 5, 30]) };
    }
    case 'heal':
    case 'wait':
      return { kind, pauseMs };
  }
}

/** Two or three sides, none empty, node1 always on side 0. */
function partitionSides(nodes: number, random: SimRandom): number[] {
  const count = nodes === 2 ? 2 : random.int(2, Math.min(3, nodes));
  for (;;) {
    const sides = Array.from({ length: nodes }, (_, i) => (i === 0 ? 0 : random.int(0, count - 1)));
    if (new Set(sides).size === count) return sides;
  }
}
