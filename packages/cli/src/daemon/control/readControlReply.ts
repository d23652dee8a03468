import { HaError } from '@heartline/core/errors';
import { controlProtocolVersion } from './controlProtocolVersion.js';

/**
 * The `result` of one reply line from `path`, or the catalogued error it amounts to: another
 * protocol version is CONTROL_PROTOCOL_VERSION, a refusal for lack of rights CONTROL_PERMISSION_DENIED,
 * anything else the daemon refuses or that cannot be read STATUS_BAD_REPLY.
 */
export function readControlReply(path: string, line: string): unknown {
  let reply: unknown;
  try {
    reply = JSON.parse(line);
  } catch {
    throw new HaError('STATUS_BAD_REPLY', `${path} answered something that is not JSON`);
  }
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) throw new HaError('STATUS_BAD_REPLY', `${path} answered something that is not a JSON object`);
  const { v, ok, result, code, error } = reply as Record<string, unknown>;
  if (v !== controlProtocolVersion) {
    const theirs = v === undefined ? 'no version (a daemon older than this ha)' : `version ${JSON.stringify(v)}`;
    throw new HaError('CONTROL_PROTOCOL_VERSION', `${path} answers in control protocol ${theirs}; this ha speaks version ${controlProtocolVersion}`);
  }
  if (ok === true) return result;
  const why = String(error ?? 'no reason given');
  if (code === 'CONTROL_PROTOCOL_VERSION') throw new HaError('CONTROL_PROTOCOL_VERSION', `${path}: ${why}`);
  if (code === 'CONTROL_PERMISSION_DENIED') throw new HaError('CONTROL_PERMISSION_DENIED', `${path} refused the request: ${why}`);
  throw new HaError('STATUS_BAD_REPLY', `${path} refused the query: ${why}`);
}
