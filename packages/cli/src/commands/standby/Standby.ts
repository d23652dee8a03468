import { Args } from '@oclif/core';
import { HaCommand } from '../HaCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { requestStandby } from '../../daemon/requestStandby.js';

export const standbySets = ['all', 'local', 'foreign', 'failback'] as const;

export class Standby extends HaCommand {
  static override summary = 'Hand resource groups to the peer (heartbeat\'s hb_standby)';
  static override description = [
    'Asks the peer to take over resource groups this node runs, with heartbeat\'s three-phase standby',
    '(ask_resources): this node releases them right to left, then the peer starts them. local: the groups',
    'haresources gives this node; foreign: the peer\'s groups we run; all: both; failback: foreign.',
    'Works with auto_failback on or off when both nodes are stable; the request is sent and the',
    'command returns at once (watch ha status). Exits 69 (STANDBY_REFUSED) when it cannot be done now.',
  ].join('\n');
  static override examples = ['<%= config.bin %> standby', '<%= config.bin %> standby foreign'];
  static override args = {
    resources: Args.string({ description: 'which groups', options: [...standbySets], default: 'all' }),
  };
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Standby);
    await requestStandby(flags['run-dir'], 'standby', args.resources as (typeof standbySets)[number]);
    this.log(`Going standby [${args.resources === 'failback' ? 'foreign' : args.resources}].`);
  }
}
