import { Args } from '@oclif/core';
import { HaCommand } from '../HaCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { requestStandby } from '../../daemon/requestStandby.js';
import { standbySets } from './Standby.js';

export class Takeover extends HaCommand {
  static override summary = 'Take resource groups from the peer (heartbeat\'s hb_takeover)';
  static override description = [
    'Sends hb_takeover: the peer goes standby for the matching groups (all: everything; local: our own',
    'groups it runs; foreign: its own groups). A heartbeat 3.0.6 peer treats failback as all.',
    'Exits 69 (STANDBY_REFUSED) when it cannot be done now.',
  ].join('\n');
  static override examples = ['<%= config.bin %> takeover', '<%= config.bin %> takeover local'];
  static override args = {
    resources: Args.string({ description: 'which groups', options: [...standbySets], default: 'all' }),
  };
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Takeover);
    await requestStandby(flags['run-dir'], 'takeover', args.resources as (typeof standbySets)[number]);
    this.log(`Takeover [${args.resources}] requested.`);
  }
}
