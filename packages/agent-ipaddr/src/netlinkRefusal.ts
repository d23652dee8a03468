import type { AgentContext, AgentResult } from '@heartline/core';
import { refusedResult } from '@heartline/core';
import { netlinkErrno } from './netlinkErrno.js';

/** A failed netlink request as a result: EPERM is a permission problem, anything else names its errno. */
export function netlinkRefusal(context: Pick<AgentContext, 'logger'>, error: unknown, what: string): AgentResult {
  const errno = netlinkErrno(error);
  if (errno === 'EPERM' || errno === 'EACCES') {
    return refusedResult(context, 'IPADDR_PERMISSION', `${what}: the kernel answered ${errno} (not root, or no CAP_NET_ADMIN)`);
  }
  return refusedResult(context, 'IPADDR_NETLINK_FAILED', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}
