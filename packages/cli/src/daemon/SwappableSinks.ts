import type { LogRecord, LogSink } from '@heartline/core';

/**
 * The daemon's log targets behind one sink, so a reload can put new ones (another logfile, debug
 * on, syslog off) under every logger at once: the new sinks take over before the old ones close.
 */
export class SwappableSinks implements LogSink {
  private sinks: readonly LogSink[];

  constructor(sinks: readonly LogSink[]) {
    this.sinks = sinks;
  }

  write(record: LogRecord): void {
    for (const sink of this.sinks) sink.write(record);
  }

  /** Switches to `next`, then closes the sinks it replaces. */
  async replace(next: readonly LogSink[]): Promise<void> {
    const previous = this.sinks;
    this.sinks = next;
    for (const sink of previous) await sink.close?.();
  }

  async close(): Promise<void> {
    await this.replace([]);
  }
}
