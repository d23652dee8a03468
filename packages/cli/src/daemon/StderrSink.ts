import { formatHeartbeatLine, type HeartbeatLineOptions, type LogRecord, type LogSink } from '@heartline/core';

/** The daemon's log on stderr, in heartbeat's line format, so a foreground run reads like ha-log. */
export class StderrSink implements LogSink {
  constructor(
    private readonly line: HeartbeatLineOptions,
    private readonly withDebug: boolean,
    private readonly out: (text: string) => void = (text) => process.stderr.write(text),
  ) {}

  write(record: LogRecord): void {
    if (record.level === 'debug' && !this.withDebug) return;
    this.out(`${formatHeartbeatLine(record, this.line)}\n`);
  }
}
