import { HaError } from '../errors/HaError.js';
import { wireLimits } from './wireLimits.js';

/**
 * A growable output buffer for the encoders. Growth stops at the wire limit, so encoding a huge
 * message fails fast instead of allocating without bound. One instance is reused by the
 * synchronous encoders (nothing yields in the middle of an encode), which keeps the hot path free
 * of per-message buffers except the final copy.
 */
export class ByteWriter {
  buf: Buffer;
  pos = 0;

  constructor(initialBytes = 4096) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  reset(): void {
    this.pos = 0;
  }

  ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    const limit = wireLimits.maxMessageBytes;
    if (needed > limit) {
      throw new HaError('WIRE_MESSAGE_TOO_LARGE', `message needs more than ${limit} bytes on the wire (MAXMSG)`);
    }
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(Math.min(size, limit));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes a string known to be ASCII (digits, markers, type prefixes). */
  ascii(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  /** Writes a string as UTF-8 and returns how many bytes it took. */
  utf8(s: string): number {
    // Exact size only when the cheap upper bound does not fit: byteLength costs a pass.
    if (this.pos + s.length * 3 > this.buf.length) this.ensure(Buffer.byteLength(s, 'utf8'));
    const n = this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
    return n;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  decimal(n: number): void {
    this.ascii(String(n));
  }

  /** A copy of what was written since `start` (the scratch buffer is reused). */
  copyFrom(start: number): Uint8Array {
    return new Uint8Array(this.buf.subarray(start, this.pos));
  }

  view(start: number, end = this.pos): Buffer {
    return this.buf.subarray(start, end);
  }
}
