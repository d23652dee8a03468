import { HaError } from '@heartline/core';
import type {
  Clock,
  FrameListener,
  Logger,
  MediaSpec,
  MediumEvent,
  Timer,
  Transport,
  TransportContext,
} from '@heartline/core';
import { ClassicFrameReader } from './ClassicFrameReader.js';
import { lineTimeMs } from './lineTimeMs.js';
import { RateLimit } from './RateLimit.js';
import { SerialWriter } from './SerialWriter.js';
import { serialTransportDefaults } from './serialTransportDefaults.js';
import type { SerialOpenFailure } from './SerialOpenFailure.js';
import type { SerialPortHandle } from './SerialPortHandle.js';
import type { SerialPortOpener } from './SerialPortOpener.js';
import type { SerialTransportOptions } from './SerialTransportOptions.js';
import type { SerialTransportStats } from './SerialTransportStats.js';

export type SerialMediaSpec = Extract<MediaSpec, { kind: 'serial' }>;

/**
 * One `serial DEV` medium: classic frames over a tty, as heartbeat 3.0.6 writes and reads them.
 *
 * Line loss (a pty whose other end closed, a USB adapter pulled out) shows up as a read or write
 * error: the transport reports `down`, closes the device and reopens it by path with backoff through
 * the Clock; it reports `up` when bytes arrive again. A real cable pulled out of a real port gives no
 * error at all (CLOCAL): the line goes quiet and membership declares the link dead after deadtime,
 * exactly as heartbeat does.
 *
 * Frames are never forwarded to other serial ports: heartbeat 3.0.6 does not either (its ring
 * pass-through has no caller), receivers ignore `ttl`, and a forwarded copy would need re-signing by
 * a node that is not its source. `hopfudge` therefore only feeds the `ttl` the node writes.
 */
export class SerialTransport implements Transport {
  readonly id: string;
  readonly linkName: string;
  readonly wireFormat = 'classic' as const;
  /** A missing device may appear later: open() keeps retrying with backoff after it rejects. */
  readonly retriesOpen = true;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly options: SerialTransportOptions;
  private readonly reader: ClassicFrameReader;
  private readonly writer: SerialWriter;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly mediumListeners = new Set<(event: MediumEvent) => void>();
  private state: 'new' | 'running' | 'closed' = 'new';
  private port: SerialPortHandle | undefined;
  private medium: 'unknown' | 'up' | 'down' = 'unknown';
  private reopenTimer: Timer | undefined;
  private reopenDelayMs: number;
  private reopens = 0;
  private failedOpens = 0;
  private readonly skipWarning: RateLimit;
  private lastSkipped = 0;

  constructor(
    private readonly spec: SerialMediaSpec,
    context: TransportContext,
    private readonly opener: SerialPortOpener,
    options: Partial<SerialTransportOptions> = {},
  ) {
    this.id = `serial ${spec.device}`;
    this.linkName = spec.device;
    this.clock = context.clock;
    this.logger = context.logger.child({ transport: this.id });
    this.options = { ...serialTransportDefaults, ...options };
    this.reopenDelayMs = this.options.reopenInitialMs;
    this.reader = new ClassicFrameReader(this.options.maxFrameBytes);
    this.skipWarning = new RateLimit(this.clock, this.options.skipWarnIntervalMs);
    this.writer = new SerialWriter(
      this.clock,
      this.logger,
      {
        device: spec.device,
        baud: spec.baud,
        chunkBytes: this.options.chunkBytes,
        writeTimeoutMs: this.options.writeTimeoutMs,
        maxQueueBytes: Math.max(this.options.chunkBytes, Math.floor(this.options.maxQueueMs / lineTimeMs(1, spec.baud))),
        writeWarnIntervalMs: this.options.writeWarnIntervalMs,
        dropWarnIntervalMs: this.options.dropWarnIntervalMs,
      },
      (port, error) => this.lose(port, `write failed: ${describe(error)}`),
    );
  }

  /**
   * Opens the device. When it cannot, rejects with SERIAL_DEVICE_MISSING / SERIAL_NOT_A_TTY /
   * SERIAL_OPEN_FAILED naming the ha.cf line, reports `down`, and keeps retrying in the background
   * until close(): the daemon decides whether to run without this medium meanwhile.
   */
  async open(): Promise<void> {
    if (this.state !== 'new') throw new HaError('INTERNAL', `${this.id}: open() called twice`);
    this.state = 'running';
    try {
      await this.openPort();
    } catch (failure) {
      const error = this.toHaError(failure);
      this.failedOpens++;
      this.markDown(error.message);
      this.scheduleReopen();
      throw error;
    }
  }

  /** Queues the frame and returns at once: the line's speed never holds up the caller. */
  send(frame: Uint8Array): Promise<void> {
    if (this.state === 'closed') return Promise.reject(new HaError('INTERNAL', `${this.id}: send() after close()`));
    this.writer.enqueue(frame);
    return Promise.resolve();
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onMediumEvent(listener: (event: MediumEvent) => void): () => void {
    this.mediumListeners.add(listener);
    return () => this.mediumListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.reopenTimer?.cancel();
    this.reopenTimer = undefined;
    this.writer.detach();
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await port.close().catch(() => undefined);
  }

  stats(): SerialTransportStats {
    return {
      medium: this.medium,
      open: this.port !== undefined,
      reopens: this.reopens,
      failedOpens: this.failedOpens,
      reader: { ...this.reader.stats },
      writer: { ...this.writer.stats },
    };
  }

  private async openPort(): Promise<void> {
    const port = await this.opener.open(this.spec.device, this.spec.baud);
    if (this.state === 'closed') {
      await port.close().catch(() => undefined);
      return;
    }
    this.port = port;
    this.logger.info(`Starting serial heartbeat on tty ${this.spec.device} (${this.spec.baud} baud)`);
    // "Cause the other guy to flush his I/O" (serial.c): a break, if the device can send one. A pty cannot.
    const breakSent = await port.set({ brk: true }).then(
      () => true,
      () => false,
    );
    if (breakSent) {
      this.clock.setTimeout(() => void port.set({ brk: false }).catch(() => undefined), this.options.breakMs);
    }
    this.writer.attach(port, breakSent ? this.options.breakMs : 0);
    void this.readLoop(port);
  }

  private async readLoop(port: SerialPortHandle): Promise<void> {
    const buffer = Buffer.alloc(this.options.readBufferBytes);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await port.read(buffer, 0, buffer.length));
      } catch (error) {
        this.lose(port, `read failed: ${describe(error)}`);
        return;
      }
      if (this.port !== port) return;
      if (this.medium !== 'up') this.markUp();
      const frames = this.reader.push(buffer.subarray(0, bytesRead));
      this.warnAboutSkipped();
      for (const frame of frames) {
        for (const listener of this.frameListeners) listener(frame, this.linkName);
      }
    }
  }

  /** The line failed under `port`: report it, let go of the device and try again later. */
  private lose(port: SerialPortHandle, reason: string): void {
    if (this.port !== port || this.state !== 'running') return;
    this.port = undefined;
    this.writer.detach();
    this.reader.reset();
    void port.close().catch(() => undefined);
    this.logger.warn(`Serial line ${this.spec.device} lost (${reason}); reopening it`);
    this.markDown(reason);
    this.scheduleReopen();
  }

  private scheduleReopen(): void {
    if (this.state !== 'running') return;
    const delayMs = this.reopenDelayMs;
    this.reopenDelayMs = Math.min(this.reopenDelayMs * 2, this.options.reopenMaxMs);
    this.reopenTimer = this.clock.setTimeout(() => void this.reopen(), delayMs);
  }

  private async reopen(): Promise<void> {
    this.reopenTimer = undefined;
    if (this.state !== 'running') return;
    try {
      await this.openPort();
      this.reopens++;
      this.logger.info(`Serial line ${this.spec.device} reopened; waiting for bytes from the peer`);
    } catch (failure) {
      this.failedOpens++;
      this.logger.debug(`Serial line ${this.spec.device} still unavailable: ${describe(failure)}`);
      this.scheduleReopen();
    }
  }

  private markUp(): void {
    this.medium = 'up';
    this.reopenDelayMs = this.options.reopenInitialMs;
    this.logger.info(`Serial line ${this.spec.device}: bytes flowing`);
    this.emit({ kind: 'up' });
  }

  private markDown(reason: string): void {
    if (this.medium === 'down') return;
    this.medium = 'down';
    this.emit({ kind: 'down', reason });
  }

  private emit(event: MediumEvent): void {
    for (const listener of this.mediumListeners) listener(event);
  }

  private warnAboutSkipped(): void {
    const stats = this.reader.stats;
    const skipped = stats.garbageLines + stats.partialFrames + stats.oversizedFrames;
    if (skipped === this.lastSkipped || this.skipWarning.pass() === undefined) return;
    this.lastSkipped = skipped;
    this.logger.warn(
      `Serial line ${this.spec.device}: skipped ${stats.skippedBytes} byte(s) that were not whole frames` +
        ` (${stats.garbageLines} garbage line(s), ${stats.partialFrames} partial, ${stats.oversizedFrames} oversized frame(s) so far)`,
      { device: this.spec.device },
    );
  }

  private toHaError(failure: unknown): HaError {
    const where = `${this.spec.where.file}:${this.spec.where.line}`;
    const kind = isOpenFailure(failure) ? failure.kind : 'failed';
    const message = `${where}: serial ${this.spec.device} ${isOpenFailure(failure) ? failure.message : `cannot be opened: ${describe(failure)}`}`;
    const code = kind === 'missing' ? 'SERIAL_DEVICE_MISSING' : kind === 'not-a-tty' ? 'SERIAL_NOT_A_TTY' : 'SERIAL_OPEN_FAILED';
    return new HaError(code, message, { cause: failure });
  }
}

function isOpenFailure(value: unknown): value is SerialOpenFailure {
  return typeof value === 'object' && value !== null && (value as { isSerialOpenFailure?: unknown }).isSerialOpenFailure === true;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
