import { closeSync, fstatSync, openSync, statSync, writeSync } from 'node:fs';
import type { Clock } from '../time/Clock.js';
import { formatHeartbeatLine, type HeartbeatLineOptions } from './formatHeartbeatLine.js';
import type { LogLevel, LogRecord, LogSink } from './Logger.js';
import { atLeast } from './logLevelRank.js';

export interface HeartbeatFileSinkOptions {
  readonly path: string;
  /** `info` for ha.cf's logfile (heartbeat leaves debug out of it), `debug` for debugfile. */
  readonly minLevel: LogLevel;
  readonly line: HeartbeatLineOptions;
  /** Drives the logrotate check. */
  readonly clock: Clock;
  /** Told once when writing starts failing (and again after it recovered and failed anew). */
  readonly onProblem?: (message: string) => void;
}

/** Like cl_log: check at most once a minute whether logrotate moved the file, and reopen it. */
const REOPEN_CHECK_MS = 60_000;

/**
 * Appends heartbeat-style lines to a log file. Writes are synchronous so lines keep their order and
 * survive a crash right after them. Logging never throws: a failed write drops the line, reports
 * the problem once, and the next write tries to open the file again.
 */
export class HeartbeatFileSink implements LogSink {
  private fd: number | undefined;
  private lastCheckMs = Number.NEGATIVE_INFINITY;
  private failing = false;

  constructor(private readonly options: HeartbeatFileSinkOptions) {}

  write(record: LogRecord): void {
    if (!atLeast(record.level, this.options.minLevel)) return;
    const text = `${formatHeartbeatLine(record, this.options.line)}\n`;
    try {
      const fd = this.open();
      writeSync(fd, text);
      this.failing = false;
    } catch (error) {
      this.closeQuietly();
      if (!this.failing) {
        this.failing = true;
        const reason = error instanceof Error ? error.message : String(error);
        this.options.onProblem?.(`cannot write log file ${this.options.path}: ${reason}`);
      }
    }
  }

  async close(): Promise<void> {
    this.closeQuietly();
  }

  private open(): number {
    const now = this.options.clock.now();
    if (this.fd !== undefined && now - this.lastCheckMs >= REOPEN_CHECK_MS) {
      this.lastCheckMs = now;
      if (this.rotated(this.fd)) this.closeQuietly();
    }
    if (this.fd === undefined) {
      this.fd = openSync(this.options.path, 'a', 0o644);
      this.lastCheckMs = now;
    }
    return this.fd;
  }

  private rotated(fd: number): boolean {
    try {
      const open = fstatSync(fd);
      const named = statSync(this.options.path);
      return open.ino !== named.ino || open.dev !== named.dev;
    } catch {
      return true;
    }
  }

  private closeQuietly(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone; nothing to keep
    }
    this.fd = undefined;
  }
}
