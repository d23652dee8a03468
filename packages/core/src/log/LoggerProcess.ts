/** A running `logger` (util-linux) child as SyslogSink needs it; injectable so the sink has unit tests. */
export interface LoggerProcess {
  /** Queues one line for the child's stdin; never throws. */
  write(line: string): void;
  end(): void;
  /** Called once when the child is gone or could not start, with a reason for the admin. */
  onExit(listener: (reason: string) => void): void;
}

/** Starts `logger` with these arguments. */
export type LoggerSpawner = (args: readonly string[]) => LoggerProcess;
