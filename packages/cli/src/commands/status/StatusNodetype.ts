import { Args } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { nodetypeQuestion } from '../../status/questions/nodetypeQuestion.js';

export class StatusNodetype extends StatusCommand {
  static override summary = "Print a node's type, as cl_status nodetype does";
  static override description = 'Prints normal or ping. Exits 0, 11 for an unknown node.';
  static override examples = ['<%= config.bin %> status nodetype node2'];
  static override args = { node: Args.string({ description: 'node name', required: true }) };
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatusNodetype);
    await this.answer(nodetypeQuestion, flags['run-dir'], [args.node]);
  }
}
