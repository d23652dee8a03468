import { errorCatalogue, type ErrorCode } from '../errors/errorCatalogue.js';
import type { ConfigIssue, IssueSeverity } from './ConfigIssue.js';

/** Collects the issues of one file, so parsers can report every problem instead of stopping. */
export class IssueList {
  readonly items: ConfigIssue[] = [];

  constructor(readonly file: string) {}

  error(line: number, column: number, code: ErrorCode, message: string, hint?: string): void {
    this.add('error', line, column, code, message, hint);
  }

  warning(line: number, column: number, code: ErrorCode, message: string, hint?: string): void {
    this.add('warning', line, column, code, message, hint);
  }

  hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }

  private add(
    severity: IssueSeverity,
    line: number,
    column: number,
    code: ErrorCode,
    message: string,
    hint: string | undefined,
  ): void {
    this.items.push({ file: this.file, line, column, code, severity, message, hint: hint ?? errorCatalogue[code].hint });
  }
}
