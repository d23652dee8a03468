import type { SimStep } from './SimStep.js';

/** One step as a line of the timeline or of a printed schedule: `crash node1 (back after 9.5 s)`. */
export function describeStep(step: SimStep, names: readonly string[]): string {
  const name = (i: number): string => names[i] ?? `node${i + 1}`;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
  const back = (downMs: number | undefined, after: string): string => (downMs === undefined ? ' (down until the end)' : ` (back ${seconds(downMs)} after ${after})`);
  switch (step.kind) {
    case 'crash':
      return `power cut on ${name(step.node)}${back(step.downMs, 'the cut')}`;
    case 'stop':
      return `graceful stop of ${name(step.node)}${back(step.downMs, 'the stop')}`;
    case 'standby':
    case 'takeover':
      return `ha ${step.kind} ${step.set} on ${name(step.node)}`;
    case 'kill':
      return `kill -9 ${step.resource} wherever it runs`;
    case 'partition': {
      const sides = new Map<number, string[]>();
      step.sides.forEach((side, i) => sides.set(side, [...(sides.get(side) ?? []), name(i)]));
      return `partition ${[...sides.values()].map((s) => `{${s.join(',')}}`).join(' | ')}`;
    }
    case 'heal':
      return 'heal the network';
    case 'weather':
      return `network: loss ${step.lossPct} %, delay ${step.delayMs[0]}..${step.delayMs[1]} ms, duplicates ${step.dupPct} %`;
    case 'wait':
      return 'nothing';
  }
}
