import { DecodeFailure } from './DecodeFailure.js';
import type { DecodeResult, NetstringTrailer } from './DecodeResult.js';
import { decodeClassicBody } from './decodeClassicBody.js';
import { decodeNetstringBody } from './decodeNetstringBody.js';
import { wireLimits } from './wireLimits.js';

const netstringStart = [0x23, 0x23, 0x23, 0x0a];
const classicStart = [0x3e, 0x3e, 0x3e, 0x0a];

/**
 * Decodes one packet in either wire format, chosen by its first 4 bytes as heartbeat does
 * (`wirefmt2msg`). Never throws: bad input gives `{ ok: false, reason, detail }`. Work and memory
 * are bounded by the input, which may be at most MAXMSG bytes.
 */
export function decodeMessage(bytes: Uint8Array): DecodeResult {
  try {
    return decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}

function decode(buf: Buffer): DecodeResult {
  const length = buf.length;
  if (length > wireLimits.maxMessageBytes) {
    throw new DecodeFailure('too-large', `${length} bytes is more than MAXMSG (${wireLimits.maxMessageBytes})`);
  }
  if (startsWith(buf, netstringStart)) {
    const { message, next } = decodeNetstringBody(buf, 0, length, 0);
    const signedBytes = new Uint8Array(buf.buffer, buf.byteOffset, next);
    if (next === length) return { ok: true, message, format: 'netstring', signedBytes };
    return { ok: true, message, format: 'netstring', trailer: decodeTrailer(buf, next), signedBytes };
  }
  if (startsWith(buf, classicStart)) {
    // 2.x senders ended with a NUL; accept one. A NUL anywhere else is refused where it stands
    // (names, strings, base64), since heartbeat would stop reading there.
    const end = buf[length - 1] === 0 ? length - 1 : length;
    const { message, next } = decodeClassicBody(buf, 0, end, 0);
    if (next !== end) throw new DecodeFailure('trailing-bytes', `${end - next} bytes after '<<<\\n'`);
    return { ok: true, message, format: 'classic' };
  }
  const isPrefix = length < 4 && (isPrefixOf(buf, netstringStart) || isPrefixOf(buf, classicStart));
  throw new DecodeFailure(isPrefix ? 'truncated' : 'bad-prefix', isPrefix ? `only ${length} bytes` : `starts with neither '###\\n' nor '>>>\\n'`);
}

/** `<len>:<slot> <token>,` and nothing after it. */
function decodeTrailer(buf: Buffer, start: number): NetstringTrailer {
  const colon = buf.indexOf(0x3a, start);
  const digits = colon - start;
  if (colon === -1 || digits < 1 || digits > 3 || !isDigits(buf, start, colon)) {
    throw new DecodeFailure('bad-trailer', `no '<len>:' at offset ${start}`);
  }
  const len = Number(buf.toString('latin1', start, colon));
  const textEnd = colon + 1 + len;
  if (textEnd >= buf.length || buf[textEnd] !== 0x2c) {
    throw new DecodeFailure('bad-trailer', `auth netstring at offset ${start} overruns or lacks ','`);
  }
  if (textEnd + 1 !== buf.length) throw new DecodeFailure('trailing-bytes', `${buf.length - textEnd - 1} bytes after the auth trailer`);
  const text = buf.toString('latin1', colon + 1, textEnd);
  const match = /^(\d{1,9}) ([\x21-\x7e]+)$/.exec(text);
  if (match === null) throw new DecodeFailure('bad-trailer', `auth trailer ${JSON.stringify(text)} is not '<slot> <token>'`);
  return { slot: Number(match[1]), token: match[2] as string };
}

function isDigits(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i] as number;
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function startsWith(buf: Buffer, marker: readonly number[]): boolean {
  return buf.length >= 4 && buf[0] === marker[0] && buf[1] === marker[1] && buf[2] === marker[2] && buf[3] === marker[3];
}

function isPrefixOf(buf: Buffer, marker: readonly number[]): boolean {
  if (buf.length === 0) return true;
  for (let i = 0; i < buf.length; i++) if (buf[i] !== marker[i]) return false;
  return true;
}
