import type { SimSchedule } from './SimSchedule.js';
import type { SimStep } from './SimStep.js';

/**
 * Simpler versions of a failing schedule, most promising first: fewer steps (halves, then
 * quarters, … then single steps), then simpler steps (shorter pauses, calm weather, smaller
 * sets), then a simpler cluster (booting together, no warm-up, fewer nodes, no monitoring, no
 * heartbeat-like peer). The shrinker keeps the first candidate that still fails the same way.
 */
export function* shrinkCandidates(s: SimSchedule): Generator<SimSchedule> {
  const steps = s.steps;
  for (let size = Math.max(1, Math.floor(steps.length / 2)); size >= 1; size = size === 1 ? 0 : Math.max(1, Math.floor(size / 2))) {
    for (let at = 0; at + size <= steps.length; at += size) yield { ...s, steps: [...steps.slice(0, at), ...steps.slice(at + size)] };
  }
  // A step whose only effect was its pause: drop it, keeping the time it took.
  for (let i = 0; i < steps.length; i++) {
    const pauseMs = steps[i]?.pauseMs ?? 0;
    const rest = steps.filter((_, j) => j !== i);
    const before = rest[i - 1];
    if (before === undefined) yield { ...s, warmupMs: s.warmupMs + pauseMs, steps: rest };
    else yield { ...s, steps: rest.map((x, j) => (j === i - 1 ? { ...before, pauseMs: before.pauseMs + pauseMs } : x)) };
  }
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) continue;
    for (const simpler of simplerSteps(step)) yield { ...s, steps: steps.map((x, j) => (j === i ? simpler : x)) };
  }
  if (s.bootAtMs.some((ms) => ms > 0)) yield { ...s, bootAtMs: s.bootAtMs.map(() => 0) };
  for (let i = 0; i < s.bootAtMs.length; i++) {
    const ms = s.bootAtMs[i] ?? 0;
    if (ms > 100) yield { ...s, bootAtMs: s.bootAtMs.map((x, j) => (j === i ? Math.floor(ms / 2) : x)) };
  }
  if (s.warmupMs > 0) yield { ...s, warmupMs: 0 };
  if (s.warmupMs > 100) yield { ...s, warmupMs: Math.floor(s.warmupMs / 2) };
  if (s.heartbeatPeer !== undefined) {
    const { heartbeatPeer: _, ...rest } = s;
    yield rest;
  }
  if (s.monitoring && !steps.some((x) => x.kind === 'kill')) yield { ...s, monitoring: false };
  const fewer = withoutLastNode(s);
  if (fewer !== undefined) yield fewer;
}

function* simplerSteps(step: SimStep): Generator<SimStep> {
  if (step.pauseMs > 20) yield { ...step, pauseMs: 20 };
  if (step.pauseMs > 40) yield { ...step, pauseMs: Math.floor(step.pauseMs / 2) };
  switch (step.kind) {
    case 'crash':
    case 'stop':
      if (step.downMs !== undefined && step.downMs > 0) {
        yield { ...step, downMs: 0 };
        yield { ...step, downMs: Math.floor(step.downMs / 2) };
      }
      break;
    case 'standby':
    case 'takeover':
      if (step.set !== 'all') yield { ...step, set: 'all' };
      break;
    case 'weather':
      if (step.lossPct > 0) yield { ...step, lossPct: 0 };
      if (step.dupPct > 0) yield { ...step, dupPct: 0 };
      if (step.delayMs[1] > 1) yield { ...step, delayMs: [1, 1] };
      if (step.delayMs[1] > 2) yield { ...step, delayMs: [1, Math.floor(step.delayMs[1] / 2)] };
      break;
    case 'partition':
      for (let i = 1; i < step.sides.length; i++) {
        const moved = step.sides.map((side, j) => (j === i ? 0 : side));
        if (step.sides[i] !== 0 && new Set(moved).size > 1) yield { ...step, sides: moved };
      }
      break;
    default:
      break;
  }
}

/** The same schedule without the highest node, when no step names it; two nodes at least. */
function withoutLastNode(s: SimSchedule): SimSchedule | undefined {
  const last = s.nodes - 1;
  if (s.nodes <= 2 || s.groups) return undefined;
  if (s.steps.some((x) => 'node' in x && x.node === last)) return undefined;
  const steps = s.steps.map((x) => (x.kind === 'partition' ? { ...x, sides: x.sides.slice(0, last) } : x));
  return {
    ...s,
    nodes: last,
    bootAtMs: s.bootAtMs.slice(0, last),
    probeNode: Math.min(s.probeNode, last - 1),
    steps: steps.map((x) => (x.kind === 'partition' && new Set(x.sides).size < 2 ? { kind: 'heal', pauseMs: x.pauseMs } : x)),
  };
}
