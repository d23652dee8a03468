import { describeStep } from './describeStep.js';
import type { SimSchedule } from './SimSchedule.js';

/** A schedule as readable lines: the cluster, then each step and the pause after it. */
export function formatSchedule(s: SimSchedule): string[] {
  const names = Array.from({ length: s.nodes }, (_, i) => `node${i + 1}`);
  const boots = s.bootAtMs.every((ms) => ms === 0) ? 'all at 0 s' : s.bootAtMs.map((ms, i) => `${names[i]} at ${(ms / 1000).toFixed(2)} s`).join(', ');
  const cluster = [
    `seed ${s.seed}: ${s.nodes} nodes, ${s.groups ? `auto_failback ${s.autoFailback}, groups "node1 svcA1 svcA2 svcA3" and "node2 svcB1 svcB2"` : 'membership only (no resource groups)'}`,
    s.monitoring ? 'resource monitoring on' : undefined,
    s.heartbeatPeer === undefined ? undefined : `${names[s.heartbeatPeer]} counts peers as heartbeat 3.0.6 does`,
  ].filter((x) => x !== undefined);
  return [
    cluster.join('; '),
    `boot ${boots}; first step at ${(s.warmupMs / 1000).toFixed(2)} s`,
    ...s.steps.map((step, i) => `${String(i + 1).padStart(3)}. ${describeStep(step, names)}, then ${(step.pauseMs / 1000).toFixed(2)} s`),
    s.groups ? `closing: heal, calm, all up; converge; probe: ${names[s.probeNode]} leaves and comes back` : 'closing: heal, calm, all up; converge',
  ];
}
