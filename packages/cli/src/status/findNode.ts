import { HaError } from '@heartline/core/errors';
import type { StatusReply } from '../daemon/StatusReply.js';

type StatusNode = StatusReply['nodes'][number];

/** The node named `name` in the daemon's node table, or STATUS_UNKNOWN_NODE (exit 11, cl_status's parameter error). */
export function findNode(status: StatusReply, name: string): StatusNode {
  const node = status.nodes.find((n) => n.name === name);
  if (node === undefined) throw new HaError('STATUS_UNKNOWN_NODE', `node ${name} is not in ${status.localNode}'s node table`);
  return node;
}
