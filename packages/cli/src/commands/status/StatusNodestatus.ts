import { Args } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { nodestatusQuestion } from '../../status/questions/nodestatusQuestion.js';

export class StatusNodestatus extends StatusCommand {
  static override summary = "Print a node's status word, as cl_status nodestatus does";
  static override description =
    'Prints active, up, init, dead or ping. Exits 0 for active, up and ping, 1 otherwise, 11 for an unknown node.';
  static override examples = ['<%= config.bin %> status nodestatus node2'];
  static override args = { node: Args.string({ description: 'node name', required: true }) };
  static override flags = {
    'run-dir': runDirFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatusNodestatus);
    await this.answer(nodestatusQuestion, flags['run-dir'], [args.node]);
  }
}
