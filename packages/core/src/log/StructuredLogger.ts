import type { Clock } from '../time/Clock.js';
import type { LogFields, LogLevel, Logger, LogSink } from './Logger.js';

/** Fans each record out to every sink; child loggers share the sinks and add bindings. */
export class StructuredLogger implements Logger {
  constructor(
    private readonly sinks: readonly LogSink[],
    private readonly clock: Clock,
    private readonly bindings: LogFields = {},
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.emit('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.emit('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.emit('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.emit('error', message, fields);
  }

  crit(message: string, fields?: LogFields): void {
    this.emit('crit', message, fields);
  }

  child(bindings: LogFields): Logger {
    return new StructuredLogger(this.sinks, this.clock, { ...this.bindings, ...bindings });
  }

  private emit(level: LogLevel, message: string, fields: LogFields | undefined): void {
    const record = {
      level,
      message,
      time: this.clock.wallTime(),
      fields: fields === undefined ? this.bindings : { ...this.bindings, ...fields },
    };
    for (const sink of this.sinks) sink.write(record);
  }
}
