import { Flags } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { listnodesQuestion } from '../../status/questions/listnodesQuestion.js';

export class StatusListnodes extends StatusCommand {
  static override summary = 'List the nodes of the cluster, one a line, as cl_status listnodes does';
  static override description = "In ha.cf's order. --ping lists only ping nodes, --normal only normal ones (both: all). Exits 0.";
  static override examples = ['<%= config.bin %> status listnodes', '<%= config.bin %> status listnodes --normal'];
  static override flags = {
    'run-dir': runDirFlag,
    ping: Flags.boolean({ char: 'p', description: "list only 'ping' nodes", default: false }),
    normal: Flags.boolean({ char: 'n', description: "list only 'normal' nodes", default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StatusListnodes);
    await this.answer(listnodesQuestion, flags['run-dir'], [], { ping: flags.ping, normal: flags.normal });
  }
}
