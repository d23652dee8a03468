import { HaCommand } from '../HaCommand.js';
import { Args } from '@oclif/core';
import { HaError } from '@heartline/core';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { fetchStatus } from '../../daemon/fetchStatus.js';

export class StatusNodestatus extends HaCommand {
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
    const status = await fetchStatus(flags['run-dir']);
    const node = status.nodes.find((n) => n.name === args.node);
    if (node === undefined) throw new HaError('STATUS_UNKNOWN_NODE', `node ${args.node} is not in ${status.localNode}'s node table`);
    this.log(node.status);
    if (!['active', 'up', 'ping'].includes(node.status)) this.exit(1);
  }
}
