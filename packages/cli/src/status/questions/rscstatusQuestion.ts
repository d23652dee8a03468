import { fetchStatus } from '../../daemon/fetchStatus.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status rscstatus`: which resources this node holds (none when it runs no haresources). */
export const rscstatusQuestion: StatusQuestion = {
  word: 'rscstatus',
  args: [],
  booleanFlags: {},
  async ask(runDir) {
    const status = await fetchStatus(runDir);
    return { stdout: `${status.resources?.resourceState ?? 'none'}\n`, exitCode: 0 };
  },
};
