import type { HaMessage } from './HaMessage.js';
import { scratchWriter } from './scratchWriter.js';
import { writeClassic } from './writeClassic.js';

/**
 * The bytes the inner `auth` field signs: the classic lines of every field except those named
 * `auth`, without `>>>`/`<<<` (heartbeat's `msg2string_buf(…, NOHEAD)`).
 */
export function classicAuthText(msg: HaMessage): Uint8Array {
  const w = scratchWriter;
  w.reset();
  writeClassic(w, msg, 0, { head: false, skipAuth: true });
  return w.copyFrom(0);
}
