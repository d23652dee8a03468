import type { ReaderStats } from './ReaderStats.js';
import type { WriterStats } from './WriterStats.js';

/** A snapshot of one serial medium, for status output and tests. */
export interface SerialTransportStats {
  /** `up` once bytes flowed, `down` after a failure, `unknown` before either. */
  readonly medium: 'unknown' | 'up' | 'down';
  readonly open: boolean;
  /** Successful reopens after a loss, and failed open attempts (first open included). */
  readonly reopens: number;
  readonly failedOpens: number;
  readonly reader: Readonly<ReaderStats>;
  readonly writer: Readonly<WriterStats>;
}
