import type { ConfigIssue } from './ConfigIssue.js';

/**
 * `file:line:col: error CODE message` (compiler style, so editors jump to it), then the hint
 * indented on the next line. Whole-file issues (line 0) print as `file: error CODE message`.
 */
export function formatIssue(issue: ConfigIssue): string {
  const place = issue.line === 0 ? issue.file : `${issue.file}:${issue.line}:${issue.column}`;
  return `${place}: ${issue.severity} ${issue.code} ${issue.message}\n    hint: ${issue.hint}`;
}
