import { fetchStatus } from '../../daemon/fetchStatus.js';
import { findNode } from '../findNode.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status listhblinks NODE`: the node's links, one a line after a tab, as cl_status lists them. */
export const listhblinksQuestion: StatusQuestion = {
  word: 'listhblinks',
  args: ['node'],
  booleanFlags: {},
  async ask(runDir, [name = '']) {
    const node = findNode(await fetchStatus(runDir), name);
    return { stdout: node.links.map((l) => `\t${l.name}\n`).join(''), exitCode: 0 };
  },
};
