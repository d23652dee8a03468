import { Flags } from '@oclif/core';
import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { overviewQuestion } from '../../status/questions/overviewQuestion.js';

export class Status extends StatusCommand {
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
    await this.answer(overviewQuestion, flags['run-dir'], [], { json: flags.json });
  }
}
