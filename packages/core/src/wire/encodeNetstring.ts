import type { HaMessage } from './HaMessage.js';
import { scratchWriter } from './scratchWriter.js';
import { writeNetstring } from './writeNetstring.js';

/**
 * The netstring form `###\n…%%%\n` of a message, without the auth trailer (see `WireAuth.sealUdp`
 * for what goes on UDP). Throws `WIRE_UNENCODABLE` / `WIRE_MESSAGE_TOO_LARGE` for messages
 * heartbeat could not carry.
 */
export function encodeNetstring(msg: HaMessage): Uint8Array {
  const w = scratchWriter;
  w.reset();
  writeNetstring(w, msg, 0);
  return w.copyFrom(0);
}
