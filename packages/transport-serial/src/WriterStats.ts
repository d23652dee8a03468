/** What the writer did with the frames it was given. */
export class WriterStats {
  framesWritten = 0;
  bytesWritten = 0;
  /** Dropped because the queue was over its bound (the line could not keep up). */
  framesDroppedFull = 0;
  /** Dropped because the line was down (closed, reopening) when they were sent or while they waited. */
  framesDroppedDown = 0;
  /** Frames whose write failed outright (the line went away under them). */
  framesFailed = 0;
  /** Pieces that hit the write timeout; their frame was given up. */
  writeTimeouts = 0;
}
