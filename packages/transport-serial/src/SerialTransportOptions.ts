/** Tunables of a serial medium; the defaults follow heartbeat where it has a number. */
export interface SerialTransportOptions {
  /** heartbeat FRAGSIZE. */
  readonly chunkBytes: number;
  /** heartbeat's per-piece write alarm. */
  readonly writeTimeoutMs: number;
  /** How much line time may wait in the send queue before the oldest frames are dropped. */
  readonly maxQueueMs: number;
  /** Receive cap for one frame (heartbeat MAXMSG). */
  readonly maxFrameBytes: number;
  /** First delay before reopening a lost line; doubles up to `reopenMaxMs`, resets once bytes flow. */
  readonly reopenInitialMs: number;
  readonly reopenMaxMs: number;
  /** Length of the break sent on open (heartbeat: tcsendbreak(fd, 0), 0.25 s or more). */
  readonly breakMs: number;
  readonly readBufferBytes: number;
  /** heartbeat warns about TTY write timeouts once an hour (RTS_WARNTIME). */
  readonly writeWarnIntervalMs: number;
  readonly dropWarnIntervalMs: number;
  readonly skipWarnIntervalMs: number;
}
