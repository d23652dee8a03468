/** One fault of a run, as the table and `--json` report it. */
export interface CtsFaultResult {
  readonly index: number;
  readonly kind: string;
  readonly outcome: 'recovered' | 'not recovered' | 'violation';
  readonly detail: string;
  /** Disruption → the state the fault expects (undefined unless recovered). */
  readonly recoverMs: number | undefined;
  /** The whole fault, injection to home again (or to the failure). */
  readonly cycleMs: number;
  /** Groups that ran nowhere when the fault gave up, and daemons that died by themselves. */
  readonly lost: readonly string[];
}

export interface CtsRunReport {
  readonly seed: number;
  readonly mode: string;
  readonly faults: readonly CtsFaultResult[];
  readonly violations: number;
  readonly unrecovered: number;
  readonly elapsedMs: number;
}
