import type { AgentContext, AgentResult, ErrorCode } from '@heartline/core';
import { errorCatalogue } from '@heartline/core';

/**
 * A result that is not the state asked for, with its catalogued code at the head of the reason
 * (`APACHE_START_FAILED: …`), logged at error with the code's hint.
 */
export function refuse(
  context: Pick<AgentContext, 'logger'>,
  code: ErrorCode,
  message: string,
  status: 'failed' | 'not-installed' | 'not-configured' = 'failed',
): AgentResult {
  const reason = `${code}: ${message}`;
  context.logger.error(reason, { code, hint: errorCatalogue[code].hint });
  return { status, reason };
}
