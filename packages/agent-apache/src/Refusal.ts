import type { SpecProblem } from './SpecProblem.js';

/** Why an apache resource cannot be operated on this machine, and the result status that says so. */
export interface Refusal extends SpecProblem {
  readonly status: 'not-installed' | 'not-configured';
}
