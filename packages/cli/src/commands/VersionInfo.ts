import { Command } from '@oclif/core';

export class VersionInfo extends Command {
  static override description = 'Print the Heartline version and the heartbeat protocol it speaks';
  static override hidden = true;

  async run(): Promise<void> {
    this.log(`heartline ${this.config.version} (heartbeat 3.0.6 wire protocol)`);
  }
}
