import { fetchStatus } from '../../daemon/fetchStatus.js';
import type { StatusQuestion } from '../StatusQuestion.js';

/** `ha status listnodes [--ping|--normal]`: one node name a line, ha.cf's order; both flags list all, as in cl_status. */
export const listnodesQuestion: StatusQuestion = {
  word: 'listnodes',
  args: [],
  booleanFlags: { ping: 'p', normal: 'n' },
  async ask(runDir, _args, flags) {
    const status = await fetchStatus(runDir);
    const only = flags['ping'] === flags['normal'] ? undefined : flags['ping'] === true ? 'ping' : 'normal';
    const names = status.nodes.filter((n) => only === undefined || n.type === only).map((n) => `${n.name}\n`);
    return { stdout: names.join(''), exitCode: 0 };
  },
};
