import type { conformanceChecks } from './conformanceChecks.js';

/** The name of one check of an agent conformance run (stable: `ha agent test --json` reports it). */
export type ConformanceCheckId = keyof typeof conformanceChecks;

/** `skip`: not run, because an earlier step failed or it needs something not given. */
export type ConformanceVerdict = 'pass' | 'fail' | 'skip';

/** One check of an agent conformance run: what is required, whether the agent met it, what it answered. */
export interface ConformanceCheck {
  readonly id: ConformanceCheckId;
  /** The requirement, e.g. `stop of a stopped resource answers stopped`. */
  readonly title: string;
  readonly verdict: ConformanceVerdict;
  /** What the agent answered (and how long it took), or why the check was not run. */
  readonly detail: string;
}
