import { HaCommand } from '../HaCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { fetchStatus } from '../../daemon/fetchStatus.js';

export class StatusRscstatus extends HaCommand {
  static override summary = 'Print which resources this node holds, as cl_status rscstatus does';
  static override description = 'Prints none, local, foreign, all, or transition while resources move. Exits 0.';
  static override examples = ['<%= config.bin %> status rscstatus'];
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { flags } = await this.parse(StatusRscstatus);
    const status = await fetchStatus(flags['run-dir']);
    this.log(status.resources?.resourceState ?? 'none');
  }
}
