import { hostname } from 'node:os';
import type { Clock } from '../time/Clock.js';
import { HeartbeatFileSink } from './HeartbeatFileSink.js';
import type { LogSink } from './Logger.js';
import type { LoggerSpawner } from './LoggerProcess.js';
import { SyslogSink } from './SyslogSink.js';

/** The ha.cf settings that choose log targets (an HaCf has them all). */
export interface LogTargets {
  readonly logfile: string | undefined;
  readonly debugfile: string | undefined;
  readonly logfacility: string | undefined;
  readonly useLogd: boolean;
  readonly syslogmsgfmt: boolean;
}

export interface CreateLogSinksOptions {
  readonly clock: Clock;
  /** Defaults to os.hostname(), heartbeat's `uname -n`. */
  readonly hostname?: string;
  readonly pid?: number;
  /** heartbeat's entity and syslog tag. */
  readonly entity?: string;
  readonly spawnLogger?: LoggerSpawner;
  readonly loggerArgs?: readonly string[];
  readonly utc?: boolean;
  /** Also told about sink problems (the CLI prints them to stderr). */
  readonly onProblem?: (message: string) => void;
}

/** ha_logd's facility when ha.cf names no log target at all. */
const LOGD_FACILITY = 'daemon';

/**
 * The sinks ha.cf asks for: `logfile` (info and above), `debugfile` (everything), `logfacility`
 * (syslog). `/dev/null` means no file. With no target at all heartbeat would use ha_logd, which
 * Heartline does not have: it logs to syslog facility daemon, ha_logd's default, instead. A sink
 * that fails says so once, as a WARN line in the other sinks.
 */
export function createLogSinks(config: LogTargets, options: CreateLogSinksOptions): LogSink[] {
  const sinks: LogSink[] = [];
  const entity = options.entity ?? 'heartbeat';
  const pid = options.pid ?? process.pid;
  const line = {
    syslogFormat: config.syslogmsgfmt,
    hostname: options.hostname ?? hostname(),
    entity,
    pid,
    ...(options.utc === undefined ? {} : { utc: options.utc }),
  };
  const reporter = (origin: () => LogSink | undefined) => (message: string) => {
    options.onProblem?.(message);
    const failing = origin();
    for (const sink of sinks) {
      if (sink !== failing) sink.write({ level: 'warn', message, time: options.clock.wallTime(), fields: {} });
    }
  };
  const files: Array<[string | undefined, 'info' | 'debug']> = [
    [config.logfile, 'info'],
    [config.debugfile, 'debug'],
  ];
  for (const [path, minLevel] of files) {
    if (path === undefined || path === '/dev/null') continue;
    const sink: LogSink = new HeartbeatFileSink({ path, minLevel, line, clock: options.clock, onProblem: reporter(() => sink) });
    sinks.push(sink);
  }
  const facility = config.logfacility ?? (sinks.length === 0 && config.useLogd ? LOGD_FACILITY : undefined);
  if (facility !== undefined) {
    const sink: LogSink = new SyslogSink({
      facility,
      tag: entity,
      pid,
      clock: options.clock,
      onProblem: reporter(() => sink),
      ...(options.spawnLogger === undefined ? {} : { spawn: options.spawnLogger }),
      ...(options.loggerArgs === undefined ? {} : { loggerArgs: options.loggerArgs }),
    });
    sinks.push(sink);
  }
  return sinks;
}
