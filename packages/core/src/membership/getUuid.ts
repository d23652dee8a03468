import type { HaMessage } from '../wire/HaMessage.js';

/** cl_get_uuid: a binary field of exactly 16 bytes, else no uuid at all. */
export function getUuid(msg: HaMessage, name: string): Uint8Array | undefined {
  const value = msg.getBinary(name);
  return value?.length === 16 ? value : undefined;
}
