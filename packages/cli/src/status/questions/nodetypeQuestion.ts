import { fetchStatus } from '../../daemon/fetchStatus.js';
import { findNode } from '../findNode.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status nodetype NODE`: normal or ping. */
export const nodetypeQuestion: StatusQuestion = {
  word: 'nodetype',
  args: ['node'],
  booleanFlags: {},
  async ask(runDir, [name = '']) {
    const node = findNode(await fetchStatus(runDir), name);
    return { stdout: `${node.type}\n`, exitCode: 0 };
  },
};
