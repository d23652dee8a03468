import type { HaCfWord } from './HaCfWord.js';
import type { IssueList } from './IssueList.js';

/** One directive line of heartline.cf, split into words, and where its problems go. */
export interface HeartlineCfLine {
  readonly file: string;
  readonly line: number;
  readonly directive: HaCfWord;
  readonly values: readonly HaCfWord[];
  readonly issues: IssueList;
}
