import { HaError } from '@heartline/core/errors';
import { fetchStatus } from '../../daemon/fetchStatus.js';
import { findNode } from '../findNode.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status hblinkstatus NODE LINK`: up (exit 0) or dead (exit 1). */
export const hblinkstatusQuestion: StatusQuestion = {
  word: 'hblinkstatus',
  args: ['node', 'link'],
  booleanFlags: {},
  async ask(runDir, [name = '', linkName = '']) {
    const node = findNode(await fetchStatus(runDir), name);
    const link = node.links.find((l) => l.name === linkName);
    if (link === undefined) {
      throw new HaError('STATUS_UNKNOWN_LINK', `node ${name} has no link ${linkName} (links: ${node.links.map((l) => l.name).join(', ') || 'none'})`);
    }
    return { stdout: `${link.status}\n`, exitCode: link.status === 'up' ? 0 : 1 };
  },
};
