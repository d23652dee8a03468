import type { SpecProblem } from './SpecProblem.js';

/** A problem found while reading an apache config, where apache would see it. */
export interface ConfigProblem extends SpecProblem {
  readonly file: string;
  readonly line: number;
}
