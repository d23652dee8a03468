import { HaCommand } from '../HaCommand.js';
import { Args } from '@oclif/core';
import { HaError } from '@heartline/core';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { fetchStatus } from '../../daemon/fetchStatus.js';

export class StatusHblinkstatus extends HaCommand {
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
    const status = await fetchStatus(flags['run-dir']);
    const node = status.nodes.find((n) => n.name === args.node);
    if (node === undefined) throw new HaError('STATUS_UNKNOWN_NODE', `node ${args.node} is not in ${status.localNode}'s node table`);
    const link = node.links.find((l) => l.name === args.link);
    if (link === undefined) {
      throw new HaError('STATUS_UNKNOWN_LINK', `node ${args.node} has no link ${args.link} (links: ${node.links.map((l) => l.name).join(', ') || 'none'})`);
    }
    this.log(link.status);
    if (link.status !== 'up') this.exit(1);
  }
}
