/** What kind of schedules to make (the `npm run sim` flags). */
export interface SimGenerateOptions {
  /** Cluster sizes to draw from, inclusive: `--nodes 2..16`. */
  readonly minNodes: number;
  readonly maxNodes: number;
  /** At most this many steps per schedule (`--steps`). */
  readonly maxSteps: number;
  /** auto_failback modes to draw from (`--mode on|off|legacy|all`). */
  readonly modes: ReadonlyArray<'on' | 'off' | 'legacy'>;
  /** How often a two-node cluster has a heartbeat-3.0.6-like peer, 0 .. 1 (`--mixed`). */
  readonly mixedShare: number;
  /** How often a two-node cluster monitors its resources, 0 .. 1 (`--monitoring`). */
  readonly monitoringShare: number;
}

export const defaultGenerateOptions: SimGenerateOptions = {
  minNodes: 2,
  maxNodes: 2,
  maxSteps: 8,
  modes: ['on', 'off', 'legacy'],
  mixedShare: 0.25,
  monitoringShare: 0.5,
};
