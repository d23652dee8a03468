import { HEARTBEAT_MAXMSG } from './HEARTBEAT_MAXMSG.js';
import { ReaderStats } from './ReaderStats.js';

const NL = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const GT = 0x3e; // '>'
const LT = 0x3c; // '<'
const START = Buffer.from('>>>\n', 'latin1');

/**
 * Cuts a serial byte stream into classic frames the way heartbeat's tty reader does (serial.c
 * serial_read/ttygets, with the tty's ISTRIP and IGNCR): the 8th bit is stripped, CR is dropped, a NUL
 * ends what a line keeps, lines before a `>>>` line are skipped, and a frame runs to the next line
 * that starts with `<<<`. Two deliberate improvements, both invisible to a well-behaved peer:
 * - a `>>>` line inside a frame restarts the frame there (heartbeat would glue the cut frame to the
 *   next one and lose both);
 * - a frame longer than `maxFrameBytes` is dropped and the reader skips to the next `>>>`, so a line
 *   that never ends cannot grow memory (heartbeat stops at MAXMSG as well).
 * Pure: bytes in, frames out, counters for what it skipped. Never throws on input.
 */
export class ClassicFrameReader {
  private inFrame = false;
  private frame: Buffer = Buffer.alloc(1024);
  private frameLength = 0;
  private lineStart = 0;
  /** A NUL was seen: heartbeat's strnlen keeps nothing after it, up to the newline. */
  private lineCut = false;
  /** Outside a frame only the first bytes of a line matter (is it `>>>`?). */
  private outsideLength = 0;
  private outsideHead = 0;
  private readonly counters = new ReaderStats();

  constructor(private readonly maxFrameBytes = HEARTBEAT_MAXMSG) {}

  get stats(): Readonly<ReaderStats> {
    return this.counters;
  }

  /** Feeds received bytes; returns the frames they complete, each `>>>\n…<<<\n`, as fresh copies. */
  push(bytes: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    this.counters.bytesIn += bytes.length;
    for (const raw of bytes) {
      const byte = raw & 0x7f;
      if (byte === CR) continue;
      if (byte === NL) {
        this.endLine(frames);
      } else if (this.lineCut) {
        this.counters.skippedBytes++;
      } else if (byte === NUL) {
        this.lineCut = true;
        this.counters.skippedBytes++;
      } else if (this.inFrame) {
        this.append(byte);
      } else {
        if (this.outsideLength < 4) this.outsideHead = (this.outsideHead << 8) | byte;
        this.outsideLength++;
      }
    }
    return frames;
  }

  /** Forgets a half-received frame: the line was lost and what follows belongs to no frame of ours. */
  reset(): void {
    if (this.inFrame) this.abandonFrame('partial');
    this.counters.skippedBytes += this.outsideLength;
    this.outsideLength = 0;
    this.outsideHead = 0;
    this.lineCut = false;
  }

  private endLine(frames: Uint8Array[]): void {
    const cut = this.lineCut;
    this.lineCut = false;
    if (!this.inFrame) {
      const isStart = this.outsideLength === 3 && this.outsideHead === 0x3e3e3e;
      if (isStart) {
        this.startFrame();
      } else if (this.outsideLength > 0 || cut) {
        this.counters.garbageLines++;
        this.counters.skippedBytes += this.outsideLength + 1;
      }
      this.outsideLength = 0;
      this.outsideHead = 0;
      return;
    }
    const length = this.frameLength - this.lineStart;
    if (length === 3 && this.lineIs(GT)) {
      this.abandonFrame('partial', this.lineStart);
      this.startFrame();
      return;
    }
    if (length >= 3 && this.lineIs(LT)) {
      if (length === 3 && this.append(NL)) {
        frames.push(Buffer.from(this.frame.subarray(0, this.frameLength)));
        this.counters.frames++;
        this.counters.frameBytes += this.frameLength;
        this.inFrame = false;
      } else if (this.inFrame) {
        // `<<<junk`: heartbeat ends the frame there and its parser then rejects the message.
        this.abandonFrame('partial');
      }
      return;
    }
    if (this.append(NL)) this.lineStart = this.frameLength;
  }

  /** The current line starts with three `ch`. */
  private lineIs(ch: number): boolean {
    const s = this.lineStart;
    return this.frame[s] === ch && this.frame[s + 1] === ch && this.frame[s + 2] === ch;
  }

  private startFrame(): void {
    this.inFrame = true;
    START.copy(this.frame, 0);
    this.frameLength = START.length;
    this.lineStart = this.frameLength;
  }

  /** Adds one byte to the frame; false when that made it too long and it was dropped. */
  private append(byte: number): boolean {
    if (this.frameLength >= this.maxFrameBytes) {
      this.abandonFrame('oversized');
      // This byte starts the rest of the line, which is garbage: a head of 0 can never read as `>>>`.
      this.outsideLength = 1;
      this.outsideHead = 0;
      return false;
    }
    if (this.frameLength === this.frame.length) {
      const bigger = Buffer.alloc(Math.min(this.frame.length * 2, this.maxFrameBytes));
      this.frame.copy(bigger, 0, 0, this.frameLength);
      this.frame = bigger;
    }
    this.frame[this.frameLength++] = byte;
    return true;
  }

  /** `lost` bytes of the frame are skipped (all of it, unless its last line starts the next frame). */
  private abandonFrame(why: 'partial' | 'oversized', lost = this.frameLength): void {
    if (why === 'partial') this.counters.partialFrames++;
    else this.counters.oversizedFrames++;
    this.counters.skippedBytes += lost;
    this.inFrame = false;
    this.frameLength = 0;
    this.lineStart = 0;
  }
}
