import { Args } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { listhblinksQuestion } from '../../status/questions/listhblinksQuestion.js';

export class StatusListhblinks extends StatusCommand {
  static override summary = "List a node's heartbeat links, as cl_status listhblinks does";
  static override description = 'One link a line after a tab: the interface of a UDP medium, the device of a serial one. Exits 0, 11 for an unknown node.';
  static override examples = ['<%= config.bin %> status listhblinks node2'];
  static override args = { node: Args.string({ description: 'node name', required: true }) };
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatusListhblinks);
    await this.answer(listhblinksQuestion, flags['run-dir'], [args.node]);
  }
}
