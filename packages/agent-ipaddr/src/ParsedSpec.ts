import type { AddressSpec } from './AddressSpec.js';
import type { SpecProblem } from './SpecProblem.js';

/** A virtual IP resource read: the spec when it is usable, and every problem found. */
export interface ParsedSpec {
  readonly spec?: AddressSpec;
  readonly problems: readonly SpecProblem[];
}
