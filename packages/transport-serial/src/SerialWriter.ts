import type { Clock, Logger } from '@heartline/core';
import { lineTimeMs } from './lineTimeMs.js';
import { RateLimit } from './RateLimit.js';
import { WriterStats } from './WriterStats.js';
import type { SerialPortHandle } from './SerialPortHandle.js';

export interface SerialWriterOptions {
  readonly device: string;
  readonly baud: number;
  /** heartbeat's FRAGSIZE: a message goes out in pieces of at most this many bytes. */
  readonly chunkBytes: number;
  /** heartbeat's per-piece write alarm (500 ms): then the output is flushed and the message given up. */
  readonly writeTimeoutMs: number;
  /** Bytes that may wait for the line; beyond that the oldest waiting frames are dropped. */
  readonly maxQueueBytes: number;
  readonly writeWarnIntervalMs: number;
  readonly dropWarnIntervalMs: number;
}

type WriteOutcome = { kind: 'ok' } | { kind: 'error'; error: unknown } | { kind: 'timeout'; settled: Promise<unknown> };

/**
 * Puts frames on a slow line without ever making the caller wait for it. Frames wait in a bounded
 * queue (drop oldest, counted, rate-limited warning); a single pump writes them in `chunkBytes`
 * pieces and paces every piece to the time the line needs to carry the previous one, so at most
 * one piece sits in the kernel's buffer and a backlog builds here, where it can be dropped, instead
 * of in the tty where it cannot. Heartbeat paces only between the pieces of one message, at 8 bits
 * a byte; its reader does not care about timing, so this stricter pacing reads the same.
 */
export class SerialWriter {
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private port: SerialPortHandle | undefined;
  /** Bumped on every attach/detach: a pump of an older epoch stops at its next step. */
  private epoch = 0;
  private pumpEpoch: number | undefined;
  private lineFreeAtMs = 0;
  private readonly counters = new WriterStats();
  private readonly dropWarning: RateLimit;
  private readonly timeoutWarning: RateLimit;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SerialWriterOptions,
    /** Called when a write fails outright: the line is gone. */
    private readonly onFailure: (port: SerialPortHandle, error: unknown) => void,
  ) {
    this.dropWarning = new RateLimit(clock, options.dropWarnIntervalMs);
    this.timeoutWarning = new RateLimit(clock, options.writeWarnIntervalMs);
  }

  get stats(): Readonly<WriterStats> {
    return this.counters;
  }

  /** Starts writing to a freshly opened line; `holdMs` keeps the line quiet first (a break is on it). */
  attach(port: SerialPortHandle, holdMs = 0): void {
    this.port = port;
    this.epoch++;
    this.lineFreeAtMs = this.clock.now() + holdMs;
    this.kick();
  }

  /** The line is gone: what waits for it is stale by the time a new line opens, so drop it. */
  detach(): void {
    this.port = undefined;
    this.epoch++;
    this.counters.framesDroppedDown += this.queue.length;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  enqueue(frame: Uint8Array): void {
    if (this.port === undefined) {
      this.counters.framesDroppedDown++;
      return;
    }
    let dropped = 0;
    while (this.queue.length > 0 && this.queuedBytes + frame.length > this.options.maxQueueBytes) {
      const oldest = this.queue.shift();
      this.queuedBytes -= oldest?.length ?? 0;
      dropped++;
    }
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    if (dropped > 0) {
      this.counters.framesDroppedFull += dropped;
      const held = this.dropWarning.pass();
      if (held !== undefined) {
        this.logger.warn(
          `Serial line ${this.options.device} cannot keep up: dropped ${dropped} oldest queued frame(s)` +
            ` (${this.counters.framesDroppedFull} so far; ${this.options.baud} baud)`,
          { device: this.options.device, dropped: this.counters.framesDroppedFull },
        );
      }
    }
    this.kick();
  }

  private kick(): void {
    if (this.port === undefined || this.queue.length === 0 || this.pumpEpoch === this.epoch) return;
    void this.pump(this.epoch, this.port);
  }

  private async pump(epoch: number, port: SerialPortHandle): Promise<void> {
    this.pumpEpoch = epoch;
    try {
      while (this.epoch === epoch) {
        const frame = this.queue.shift();
        if (frame === undefined) break;
        this.queuedBytes -= frame.length;
        await this.writeFrame(epoch, port, frame);
      }
    } finally {
      if (this.pumpEpoch === epoch) this.pumpEpoch = undefined;
    }
    // Frames may have arrived for a newer line while this pump was stuck on an old one.
    this.kick();
  }

  private async writeFrame(epoch: number, port: SerialPortHandle, frame: Uint8Array): Promise<void> {
    const { chunkBytes, baud } = this.options;
    for (let offset = 0; offset < frame.length; offset += chunkBytes) {
      const waitMs = this.lineFreeAtMs - this.clock.now();
      if (waitMs > 0) await this.clock.sleep(waitMs);
      if (this.epoch !== epoch) {
        this.counters.framesDroppedDown++;
        return;
      }
      const piece = frame.subarray(offset, offset + chunkBytes);
      const outcome = await this.writePiece(port, Buffer.from(piece));
      this.lineFreeAtMs = this.clock.now() + lineTimeMs(piece.length, baud);
      if (outcome.kind === 'error') {
        this.counters.framesFailed++;
        if (this.epoch === epoch) this.onFailure(port, outcome.error);
        return;
      }
      if (outcome.kind === 'timeout') {
        await this.giveUp(port, outcome.settled);
        return;
      }
      this.counters.bytesWritten += piece.length;
    }
    this.counters.framesWritten++;
  }

  private writePiece(port: SerialPortHandle, piece: Buffer): Promise<WriteOutcome> {
    return new Promise((resolve) => {
      const write = port.write(piece).then(
        () => ({ kind: 'ok' }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      );
      const timer = this.clock.setTimeout(() => resolve({ kind: 'timeout', settled: write }), this.options.writeTimeoutMs);
      void write.then((outcome) => {
        timer.cancel();
        resolve(outcome);
      });
    });
  }

  /**
   * Heartbeat on a write alarm: flush the tty and warn (once an hour) "TTY write timeout". We also
   * drop the rest of the frame (its head is already garbage on the wire) and wait for the stuck write
   * to return before the next one, since overlapping writes would interleave on the line.
   */
  private async giveUp(port: SerialPortHandle, settled: Promise<unknown>): Promise<void> {
    this.counters.writeTimeouts++;
    const held = this.timeoutWarning.pass();
    if (held !== undefined) {
      this.logger.warn(
        `TTY write timeout on [${this.options.device}] (no connection or bad cable? [see documentation])`,
        { device: this.options.device, writeTimeouts: this.counters.writeTimeouts },
      );
    }
    await port.flush().catch(() => undefined);
    await settled;
  }
}
