import type { LogLevel, LogRecord } from './Logger.js';

/** How heartbeat's cl_log prints levels in its files and syslog messages. */
export const HEARTBEAT_LEVEL_NAMES: Readonly<Record<LogLevel, string>> = {
  debug: 'debug',
  info: 'info',
  warn: 'WARN',
  error: 'ERROR',
  crit: 'CRIT',
};

export interface HeartbeatLineOptions {
  /** ha.cf `syslogmsgfmt` (default on): syslog-style lines in the files. */
  readonly syslogFormat: boolean;
  /** `uname -n` as the kernel has it (heartbeat prints it unchanged). */
  readonly hostname: string;
  /** The program name heartbeat calls the entity: `heartbeat`. */
  readonly entity: string;
  readonly pid: number;
  /** Print UTC instead of local time (heartbeat uses local time; tests want a fixed zone). */
  readonly utc?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * One log line as cluster-glue's `append_log` writes it, without the newline:
 * `Nov 25 23:55:19 node1 heartbeat: [17]: WARN: text` (syslogmsgfmt on; day zero-padded, unlike
 * syslog) or `heartbeat[17]: 2026/11/25_23:55:19 WARN: text` (off).
 */
export function formatHeartbeatLine(record: LogRecord, options: HeartbeatLineOptions): string {
  const t = record.time;
  const utc = options.utc === true;
  const year = utc ? t.getUTCFullYear() : t.getFullYear();
  const month = utc ? t.getUTCMonth() : t.getMonth();
  const day = utc ? t.getUTCDate() : t.getDate();
  const clock = [utc ? t.getUTCHours() : t.getHours(), utc ? t.getUTCMinutes() : t.getMinutes(), utc ? t.getUTCSeconds() : t.getSeconds()]
    .map(two)
    .join(':');
  const level = HEARTBEAT_LEVEL_NAMES[record.level];
  if (options.syslogFormat) {
    return `${MONTHS[month] ?? '???'} ${two(day)} ${clock} ${options.hostname} ${options.entity}: [${options.pid}]: ${level}: ${record.message}`;
  }
  return `${options.entity}[${options.pid}]: ${year}/${two(month + 1)}/${two(day)}_${clock} ${level}: ${record.message}`;
}
