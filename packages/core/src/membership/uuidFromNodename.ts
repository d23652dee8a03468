import { GlibcRandom } from './GlibcRandom.js';

/** hb_uuid.c string_hash: h = h*31 + c over the name's (signed) chars, as a 32-bit int. */
function stringHash(name: string): number {
  const bytes = Buffer.from(name, 'utf8');
  const signed = (b: number): number => (b > 127 ? b - 256 : b);
  if (bytes.length === 0 || bytes[0] === 0) return 0;
  let h = signed(bytes[0] as number) >>> 0;
  for (let i = 1; i < bytes.length; i++) h = (Math.imul(h, 31) + signed(bytes[i] as number)) >>> 0;
  return h | 0;
}

/**
 * gen_uuid_from_name (`uuidfrom nodename`): seeds glibc rand() with a hash of the name and takes
 * 32 hex digits from it, so the uuid is the same on every start and on every node. Returns the
 * seed too, which heartbeat logs ("seed is N").
 */
export function uuidFromNodename(name: string): { uuid: Uint8Array; seed: number } {
  const seed = stringHash(name);
  const rand = new GlibcRandom(seed);
  let hex = '';
  for (let i = 0; i < 32; i++) hex += (rand.next() % 16).toString(16);
  return { uuid: Uint8Array.from(Buffer.from(hex, 'hex')), seed };
}
