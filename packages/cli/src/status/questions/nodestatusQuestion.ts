import { fetchStatus } from '../../daemon/fetchStatus.js';
import { findNode } from '../findNode.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** Statuses cl_status nodestatus exits 0 for. */
const LIVE = ['active', 'up', 'ping'];

/** `ha status nodestatus NODE`: the node's status word; exit 0 when it lives, 1 otherwise. */
export const nodestatusQuestion: StatusQuestion = {
  word: 'nodestatus',
  args: ['node'],
  booleanFlags: {},
  async ask(runDir, [name = '']) {
    const node = findNode(await fetchStatus(runDir), name);
    return { stdout: `${node.status}\n`, exitCode: LIVE.includes(node.status) ? 0 : 1 };
  },
};
