import type { LogRecord, LogSink } from './Logger.js';

/** Keeps records in memory: for tests and for `ha status` style introspection. */
export class MemorySink implements LogSink {
  readonly records: LogRecord[] = [];

  write(record: LogRecord): void {
    this.records.push(record);
  }

  messages(level?: LogRecord['level']): string[] {
    return this.records.filter((r) => level === undefined || r.level === level).map((r) => r.message);
  }
}
