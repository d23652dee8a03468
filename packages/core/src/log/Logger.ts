/** Heartbeat's severities; `crit` is what heartbeat prints as `CRIT:`. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'crit';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly time: Date;
  /** The child logger's bindings merged with the call's own fields: `{node, group, resource}`, `{transport}`. */
  readonly fields: LogFields;
}

/** Where records go: a heartbeat-style file, syslog, memory in tests. */
export interface LogSink {
  write(record: LogRecord): void;
  close?(): Promise<void>;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  crit(message: string, fields?: LogFields): void;
  /** A logger whose records all carry `bindings` too. */
  child(bindings: LogFields): Logger;
}
