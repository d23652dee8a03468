import { StatusCommand } from './StatusCommand.js';
import { runDirFlag } from '../../daemon/runDirFlag.js';
import { hbstatusQuestion } from '../../status/questions/hbstatusQuestion.js';

export class StatusHbstatus extends StatusCommand {
  static override summary = 'Say whether Heartline runs on this machine, as cl_status hbstatus does';
  static override description =
    'Prints "Heartline is running on this machine." and exits 0, or "Heartline is stopped on this machine." and exits 1.';
  static override examples = ['<%= config.bin %> status hbstatus'];
  static override flags = { 'run-dir': runDirFlag };

  async run(): Promise<void> {
    const { flags } = await this.parse(StatusHbstatus);
    await this.answer(hbstatusQuestion, flags['run-dir'], []);
  }
}
