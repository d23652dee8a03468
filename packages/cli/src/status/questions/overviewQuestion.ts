import { fetchStatus } from '../../daemon/fetchStatus.js';
import { formatStatus } from '../../daemon/formatStatus.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status [--json]`: the whole view, for people or as the daemon's JSON. */
export const overviewQuestion: StatusQuestion = {
  word: '',
  args: [],
  booleanFlags: { json: undefined },
  async ask(runDir, _args, flags) {
    const status = await fetchStatus(runDir);
    return { stdout: flags['json'] === true ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status), exitCode: 0 };
  },
};
