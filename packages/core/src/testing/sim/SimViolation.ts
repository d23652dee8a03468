/** The invariants the simulator checks; docs/simulator.md says what each means and its bound. */
export type SimInvariant =
  | 'two-holders'
  | 'start-order'
  | 'stop-order'
  | 'generation'
  | 'membership-dead'
  | 'membership-view'
  | 'convergence'
  | 'shutdown-handover'
  | 'failback'
  | 'exception';

/** The first invariant a run broke. */
export interface SimViolation {
  readonly invariant: SimInvariant;
  /** Simulated ms since the run began. */
  readonly atMs: number;
  readonly message: string;
}
