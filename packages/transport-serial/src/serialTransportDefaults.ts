import { HEARTBEAT_MAXMSG } from './HEARTBEAT_MAXMSG.js';
import type { SerialTransportOptions } from './SerialTransportOptions.js';

export const serialTransportDefaults: SerialTransportOptions = {
  chunkBytes: 512,
  writeTimeoutMs: 500,
  maxQueueMs: 2000,
  maxFrameBytes: HEARTBEAT_MAXMSG,
  reopenInitialMs: 250,
  reopenMaxMs: 5000,
  breakMs: 250,
  readBufferBytes: 4096,
  writeWarnIntervalMs: 3_600_000,
  dropWarnIntervalMs: 60_000,
  skipWarnIntervalMs: 60_000,
};
