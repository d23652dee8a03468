import type { HaMessage } from './HaMessage.js';
import { scratchWriter } from './scratchWriter.js';
import { writeClassic } from './writeClassic.js';

/**
 * The classic text form `>>>\n name=value\n … <<<\n` (serial links, the FIFO), fields written
 * as they are, `auth` included. Throws `WIRE_UNENCODABLE` / `WIRE_MESSAGE_TOO_LARGE` for
 * messages heartbeat could not carry.
 */
export function encodeClassic(msg: HaMessage): Uint8Array {
  const w = scratchWriter;
  w.reset();
  writeClassic(w, msg, 0, { head: true, skipAuth: false });
  return w.copyFrom(0);
}
