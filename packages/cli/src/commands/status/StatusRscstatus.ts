import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { rscstatusQuestion } from '../../status/questions/rscstatusQuestion.js';

export class StatusRscstatus extends StatusCommand {
  static override summary = 'Print which resources this node holds, as cl_status rscstatus does';
  static override description = 'Prints none, local, foreign, all, or transition while resources move. Exits 0.';
  static override examples = ['<%= config.bin %> status rscstatus'];
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { flags } = await this.parse(StatusRscstatus);
    await this.answer(rscstatusQuestion, flags['run-dir'], []);
  }
}
