import { escapeBytesC, formatFieldLines, type DecodeResult, type OpenResult } from '@heartline/core';

const summaryFields = ['st', 'src', 'dest', 'seq', 'firstseq', 'lastseq', 'rsc_hold', 'info', 'hg'];

/** A packet as the vectors' dumps show it: a summary line, the fields, the trailer, the raw bytes. */
export function describePacket(payload: Uint8Array, decoded: DecodeResult, opened: OpenResult | undefined, method: string | undefined): string[] {
  const raw = `    raw: ${escapeBytesC(payload)}`;
  if (!decoded.ok) return [`    [undecodable: ${decoded.reason}: ${decoded.detail}]`, raw];
  const msg = decoded.message;
  const bits = [`t=${msg.get('t') ?? '?'}`, ...summaryFields.flatMap((k) => (msg.get(k) === undefined ? [] : [`${k}=${msg.get(k)}`]))];
  let auth = '';
  if (opened !== undefined) {
    auth = opened.ok ? `; auth OK (${method ?? '?'} slot ${opened.slot})` : `; auth FAILED (${opened.reason}: ${opened.detail})`;
  }
  const lines = [`    [${decoded.format} format; ${bits.join(' ')}${auth}]`, ...formatFieldLines(msg, '    ')];
  if (decoded.trailer !== undefined) lines.push(`    -- trailer (outer auth) = ${decoded.trailer.slot} ${decoded.trailer.token}`);
  lines.push(raw);
  return lines;
}
