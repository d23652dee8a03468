import type { ConfigIssue } from './ConfigIssue.js';

/** Issues in reading order: whole-file issues (line 0) first, then by line and column; stable otherwise. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
