import { errorCatalogue, type ErrorCode } from '../errors/errorCatalogue.js';
import type { AgentContext } from './AgentContext.js';
import type { AgentResult } from './AgentResult.js';

/**
 * An agent's answer when it will not or cannot reach the state asked for: the result (`failed`,
 * `not-installed` or `not-configured`) with its catalogued code at the head of the reason
 * (`IPADDR_IN_USE: …`), logged at error with the catalogue's hint.
 */
export function refusedResult(
  context: Pick<AgentContext, 'logger'>,
  code: ErrorCode,
  message: string,
  status: 'failed' | 'not-installed' | 'not-configured' = 'failed',
): AgentResult {
  const reason = `${code}: ${message}`;
  context.logger.error(reason, { code, hint: errorCatalogue[code].hint });
  return { status, reason };
}
