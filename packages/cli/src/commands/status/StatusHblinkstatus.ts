import { Args } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { hblinkstatusQuestion } from '../../status/questions/hblinkstatusQuestion.js';

export class StatusHblinkstatus extends StatusCommand {
  static override summary = "Print the status of one of a node's heartbeat links, as cl_status hblinkstatus does";
  static override description = 'Prints up or dead. Exits 0 for up, 1 for dead, 11 for an unknown node, 13 for an unknown link.';
  static override examples = ['<%= config.bin %> status hblinkstatus node2 eth0'];
  static override args = {
    node: Args.string({ description: 'node name', required: true }),
    link: Args.string({ description: 'link name: the interface of a UDP medium, the device of a serial one', required: true }),
  };
  static override flags = {
    'run-dir': runDirFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatusHblinkstatus);
    await this.answer(hblinkstatusQuestion, flags['run-dir'], [args.node, args.link]);
  }
}
