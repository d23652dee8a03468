import type { ControlAccess } from './ControlAccess.js';
import type { ControlHandler } from './ControlHandler.js';
import { controlProtocolVersion } from './controlProtocolVersion.js';
import type { ControlReply, ControlReplyCode } from './ControlReply.js';
import { readOnlyQueries } from './readOnlyQueries.js';

const v = controlProtocolVersion;

function refuse(code: ControlReplyCode, error: string): ControlReply {
  return code === 'CONTROL_PROTOCOL_VERSION' ? { v, ok: false, code, error, supported: [v] } : { v, ok: false, code, error };
}

/**
 * The reply to one request line arriving on the socket of `access`. The daemon cannot see who is
 * connected (Node has no SO_PEERCRED), only which socket the line came through: the read socket
 * answers read-only questions and refuses everything else, whoever asks.
 */
export function answerControlLine(line: string, access: ControlAccess, handler: ControlHandler): ControlReply {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return refuse('CONTROL_BAD_REQUEST', 'a request is one JSON object on one line');
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return refuse('CONTROL_BAD_REQUEST', 'a request is a JSON object');
  const fields = request as Record<string, unknown>;
  if (fields['v'] !== v) {
    const asked = fields['v'] === undefined ? 'a request without "v"' : `version ${JSON.stringify(fields['v'])}`;
    return refuse('CONTROL_PROTOCOL_VERSION', `this daemon speaks control protocol version ${v}, not ${asked}`);
  }
  const query = fields['query'];
  if (typeof query !== 'string') return refuse('CONTROL_BAD_REQUEST', 'the request has no "query" string');
  if (access === 'read' && !readOnlyQueries.includes(query)) {
    return refuse(
      'CONTROL_PERMISSION_DENIED',
      `${JSON.stringify(query)} is not a question control.sock answers (${readOnlyQueries.join(', ')}); what changes the cluster is served on admin.sock, to root only`,
    );
  }
  try {
    return { v, ok: true, result: handler(fields) };
  } catch (error) {
    return refuse('CONTROL_REFUSED', (error as Error).message);
  }
}
