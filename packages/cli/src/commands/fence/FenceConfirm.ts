import { Args } from '@oclif/core';
import { HaCommand } from '../HaCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { requestFenceConfirm } from '../../fencing/requestFenceConfirm.js';

export class FenceConfirm extends HaCommand {
  static override summary = 'Confirm that a dead node was reset by hand (meatware STONITH; heartbeat\'s meatclient -c)';
  static override description = [
    'With the meatware STONITH device (ha.cf: stonith_host * meatware NODE…), a node that takes over a dead',
    'peer\'s groups first asks an operator to reset that peer (CRIT: OPERATOR INTERVENTION REQUIRED to reset',
    'NODE.) and waits. Run this AFTER the peer was powered off or power-cycled: the reset counts as done, the',
    'node sends stonith result=OK and takes the groups over. Nothing is remembered for later: exits 69',
    '(FENCE_NOT_WAITING) when no reset of NODE waits now (ha status shows the resets in progress).',
    'Needs root (admin.sock).',
  ].join('\n');
  static override examples = ['<%= config.bin %> fence confirm node1'];
  static override args = {
    node: Args.string({ description: 'the node that was reset by hand (lowercase, as in ha.cf)', required: true }),
  };
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(FenceConfirm);
    await requestFenceConfirm(flags['run-dir'], args.node);
    this.log(`Confirmed: ${args.node.toLowerCase()} was reset; its resource groups are taken over.`);
  }
}
