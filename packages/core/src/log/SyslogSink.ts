import type { Clock } from '../time/Clock.js';
import { HEARTBEAT_LEVEL_NAMES } from './formatHeartbeatLine.js';
import type { LogLevel, LogRecord, LogSink } from './Logger.js';
import type { LoggerProcess, LoggerSpawner } from './LoggerProcess.js';
import { spawnLoggerProcess } from './spawnLoggerProcess.js';
import { syslogFacilityCode } from './syslogFacilityCode.js';

export interface SyslogSinkOptions {
  /** ha.cf `logfacility`: daemon, local0 ... */
  readonly facility: string;
  /** The syslog tag, heartbeat's entity: `heartbeat`. */
  readonly tag: string;
  readonly pid: number;
  readonly clock: Clock;
  readonly spawn?: LoggerSpawner;
  /** More `logger` arguments, e.g. `['--socket', path]` to log somewhere else than /dev/log. */
  readonly loggerArgs?: readonly string[];
  /** Told once per distinct problem (logger missing, logger exited). */
  readonly onProblem?: (message: string) => void;
}

const SEVERITY: Readonly<Record<LogLevel, number>> = { debug: 7, info: 6, warn: 4, error: 3, crit: 2 };
const RESPAWN_AFTER_MS = 60_000;

/**
 * Sends records to syslog as heartbeat does (`heartbeat: [pid]: WARN: text` under the facility of
 * ha.cf). Node has no unix datagram sockets, so one long-lived util-linux `logger --prio-prefix`
 * child carries the lines, each prefixed `<PRI>`. If the child dies, lines are dropped and it is
 * started again at most once a minute; each distinct problem is reported once.
 */
export class SyslogSink implements LogSink {
  private readonly facilityCode: number;
  private child: LoggerProcess | undefined;
  private nextStartMs = Number.NEGATIVE_INFINITY;
  private readonly reported = new Set<string>();
  private closing = false;

  constructor(private readonly options: SyslogSinkOptions) {
    const code = syslogFacilityCode(options.facility);
    if (code === undefined) throw new RangeError(`unknown syslog facility '${options.facility}'`);
    this.facilityCode = code;
  }

  /** `<PRI>[pid]: LEVEL: text`; the tag comes from `logger -t`, newlines become blanks (one message per line). */
  lineFor(record: LogRecord): string {
    const pri = this.facilityCode * 8 + SEVERITY[record.level];
    const text = record.message.replace(/[\r\n]+/g, ' ');
    return `<${pri}>[${this.options.pid}]: ${HEARTBEAT_LEVEL_NAMES[record.level]}: ${text}\n`;
  }

  write(record: LogRecord): void {
    if (this.closing) return;
    this.ensureChild()?.write(this.lineFor(record));
  }

  async close(): Promise<void> {
    const child = this.child;
    this.closing = true;
    this.child = undefined;
    if (child === undefined) return;
    await new Promise<void>((resolve) => {
      child.onExit(() => resolve());
      child.end();
    });
  }

  private ensureChild(): LoggerProcess | undefined {
    if (this.child !== undefined) return this.child;
    const now = this.options.clock.now();
    if (now < this.nextStartMs) return undefined;
    this.nextStartMs = now + RESPAWN_AFTER_MS;
    const spawn = this.options.spawn ?? spawnLoggerProcess;
    const child = spawn(['--prio-prefix', '-t', this.options.tag, ...(this.options.loggerArgs ?? [])]);
    this.child = child;
    child.onExit((reason) => {
      if (this.child === child) this.child = undefined;
      if (!this.closing && !this.reported.has(reason)) {
        this.reported.add(reason);
        this.options.onProblem?.(`syslog (${this.options.facility}): ${reason}; syslog lines are dropped until it can be restarted`);
      }
    });
    return this.child;
  }
}
