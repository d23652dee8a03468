/** What the frame reader saw on the line since the transport was created. */
export class ReaderStats {
  /** Bytes received, before the 8th bit is stripped and CR dropped. */
  bytesIn = 0;
  /** Complete frames delivered, and their bytes. */
  frames = 0;
  frameBytes = 0;
  /** Non-empty lines outside any frame: line noise, a peer starting mid-frame. */
  garbageLines = 0;
  /** Frames cut short: a new `>>>` before `<<<`, a bad end line, or the line lost mid-frame. */
  partialFrames = 0;
  /** Frames dropped because they grew past the size cap without a `<<<`. */
  oversizedFrames = 0;
  /** Every byte that was not part of a delivered frame (CRs aside). */
  skippedBytes = 0;
}
