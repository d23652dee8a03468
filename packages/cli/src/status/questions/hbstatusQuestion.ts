import { isHaError } from '@heartline/core/errors';
import { fetchStatus } from '../../daemon/fetchStatus.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/**
 * `ha status hbstatus`: whether the daemon runs here. Like cl_status, a stopped daemon is an answer
 * on stdout with exit 1, not an error, so `ha status hbstatus || start-it` scripts read cleanly.
 */
export const hbstatusQuestion: StatusQuestion = {
  word: 'hbstatus',
  args: [],
  booleanFlags: {},
  async ask(runDir) {
    try {
      await fetchStatus(runDir);
    } catch (error) {
      if (isHaError(error) && error.code === 'STATUS_NOT_RUNNING') return { stdout: 'Heartline is stopped on this machine.\n', exitCode: 1 };
      throw error;
    }
    return { stdout: 'Heartline is running on this machine.\n', exitCode: 0 };
  },
};
