import { formatHeartbeatLine, HEARTBEAT_LEVEL_NAMES, type HeartbeatLineOptions, type LogLevel, type LogRecord, type LogSink } from '@heartline/core';

/** The journal's priority (syslog's) of each level, sent as the `<N>` prefix journald reads. */
const JOURNAL_PRIORITY: Readonly<Record<LogLevel, number>> = { debug: 7, info: 6, warn: 4, error: 3, crit: 2 };

/**
 * The daemon's log on stderr. In a terminal, heartbeat's line format, so a foreground run reads like
 * ha-log. Under journald (`journal: true`), which stamps each line with time, host and pid itself,
 * only `LEVEL: text` behind the `<N>` priority prefix journald turns into the entry's priority.
 */
export class StderrSink implements LogSink {
  constructor(
    private readonly line: HeartbeatLineOptions,
    private readonly withDebug: boolean,
    private readonly out: (text: string) => void = (text) => process.stderr.write(text),
    private readonly journal = false,
  ) {}

  write(record: LogRecord): void {
    if (record.level === 'debug' && !this.withDebug) return;
    if (this.journal) {
      this.out(`<${JOURNAL_PRIORITY[record.level]}>${HEARTBEAT_LEVEL_NAMES[record.level]}: ${record.message.replace(/\n/g, ' ')}\n`);
      return;
    }
    this.out(`${formatHeartbeatLine(record, this.line)}\n`);
  }
}
