import { Args, Command, Flags } from '@oclif/core';
import { HaError } from '@heartline/core';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { fetchStatus } from '../../daemon/fetchStatus.js';
import { exitWithHaError } from '../config/exitWithHaError.js';

export class StatusNodestatus extends Command {
  static override summary = "Print a node's status word, as cl_status nodestatus does";
  static override description =
    'Prints active, up, init, dead or ping. Exits 0 for active, up and ping, 1 otherwise, 11 for an unknown node.';
  static override examples = ['<%= config.bin %> status nodestatus node2'];
  static override args = { node: Args.string({ description: 'node name', required: true }) };
  static override flags = {
    'run-dir': Flags.string({ description: 'where the daemon\'s control socket is', default: daemonDefaults.runDir }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatusNodestatus);
    const status = await fetchStatus(flags['run-dir']);
    const node = status.nodes.find((n) => n.name === args.node);
    if (node === undefined) throw new HaError('STATUS_UNKNOWN_NODE', `node ${args.node} is not in ${status.localNode}'s node table`);
    this.log(node.status);
    if (!['active', 'up', 'ping'].includes(node.status)) this.exit(1);
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    exitWithHaError(this, error);
    return super.catch(error);
  }
}
