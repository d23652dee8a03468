import type { StatusQuestion } from './StatusQuestion.js';

/** A question's word, and its module, imported only when the fast path is asked that question. */
export interface StatusQuestionLoader {
  readonly word: string;
  load(): Promise<StatusQuestion>;
}
