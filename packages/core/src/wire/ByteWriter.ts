import { HaError } from '../errors/HaError.js';
import { wireLimits } from './wireLimits.js';

/**
 * A growable output buffer for the encoders. Growth stops at the wire limit, so encoding a huge
 * message fails fast instead of allocating without bound. One instance is reused by the
 * synchronous encoders (nothing yields in the middle of an encode), so the hot path allocates
 * only the final copy. Short ASCII strings, nearly every heartbeat field, are copied by a plain
 * loop: cheaper than a call into Buffer's native writers.
 */
export class ByteWriter {
  buf: Uint8Array;
  private node: Buffer;
  pos = 0;

  constructor(initialBytes = 4096) {
    this.node = Buffer.allocUnsafe(initialBytes);
    this.buf = new Uint8Array(this.node.buffer, this.node.byteOffset, this.node.length);
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
    next.set(this.buf.subarray(0, this.pos));
    this.node = next;
    this.buf = new Uint8Array(next.buffer, next.byteOffset, next.length);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes a string known to be ASCII (digits, markers, type prefixes). */
  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Writes a string as UTF-8 and returns how many bytes it took. */
  utf8(s: string): number {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    const start = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return this.utf8Slow(s);
      buf[start + i] = c;
    }
    this.pos = start + n;
    return n;
  }

  private utf8Slow(s: string): number {
    this.ensure(Buffer.byteLength(s, 'utf8'));
    const n = this.node.write(s, this.pos, 'utf8');
    this.pos += n;
    return n;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    if (n > 32) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = b[i] as number;
    this.pos = pos;
  }

  /** A non-negative integer in decimal, without building a string (netstring lengths are short). */
  decimal(n: number): void {
    this.ensure(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 0x30 + n;
    } else if (n < 100) {
      const tens = (n / 10) | 0;
      buf[this.pos++] = 0x30 + tens;
      buf[this.pos++] = 0x30 + n - tens * 10;
    } else {
      const digits = String(n);
      for (let i = 0; i < digits.length; i++) buf[this.pos++] = digits.charCodeAt(i);
    }
  }

  /** Writes base64 of the bytes (classic text's binary values). */
  base64(b: Uint8Array): void {
    this.ascii(Buffer.from(b.buffer, b.byteOffset, b.length).toString('base64'));
  }

  /**
   * A copy of what was written since `start` (the scratch buffer is reused). It comes from
   * Buffer's pool, several times cheaper than `slice` for packet-sized copies.
   */
  copyFrom(start: number): Uint8Array {
    const out = Buffer.allocUnsafe(this.pos - start);
    this.node.copy(out, 0, start, this.pos);
    return out;
  }

  /** A view of the bytes written since `start`; valid until the next write. */
  view(start: number, end = this.pos): Uint8Array {
    return this.buf.subarray(start, end);
  }
}
