import { HaCommand } from '../HaCommand.js';
import { Flags } from '@oclif/core';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { fetchStatus } from '../../daemon/fetchStatus.js';
import { formatStatus } from '../../daemon/formatStatus.js';

export class Status extends HaCommand {
  static override summary = "Show the running node's view of the cluster: nodes, links, resource groups, local status";
  static override description = [
    'Asks the local daemon (ha start) through its control socket. Exits 1 when no daemon answers,',
    'like cl_status. --json prints the daemon\'s answer as is: {schema: 1, version, pid, state, localNode,',
    'localStatus, generation, commUp, flowControl, keepaliveMs, deadtimeMs, nodes: [{name, type, status,',
    'uuid, deadtimeMs, links: [{name, status}]}], media: [{id, linkName, wireFormat}], badPackets: {reason: n},',
    'resources: {mode, state, stable, resourceState, held, peerHolds, peerStable, standby, groups: [{key, node,',
    'line, owner, heldHere, failure?}]}}.',
  ].join('\n');
  static override examples = ['<%= config.bin %> status', '<%= config.bin %> status --json', '<%= config.bin %> status nodestatus node2'];
  static override flags = {
    'run-dir': runDirFlag,
    json: Flags.boolean({ description: 'print the status as JSON', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Status);
    const status = await fetchStatus(flags['run-dir']);
    if (flags.json) this.log(JSON.stringify(status, null, 2));
    else process.stdout.write(formatStatus(status));
  }
}
