import { HaCommand } from '../HaCommand.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Flags } from '@oclif/core';
import { HaError } from '@heartline/core';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { unitWithExecStart } from './unitWithExecStart.js';

export class SystemdUnit extends HaCommand {
  static override summary = 'Print the systemd unit that runs this node (heartline.service)';
  static override description = [
    'Prints systemd/heartline.service of this package with ExecStart running this very ha (its Node and',
    'its bin/ha.js, by absolute path), plus the --config-dir and --state-dir given here. It installs',
    'nothing: redirect it to /etc/systemd/system/heartline.service, then systemctl daemon-reload and',
    'systemctl enable --now heartline. The unit is Type=notify (READY=1 once the node is in service),',
    'reloads with SIGHUP, stops gracefully on SIGTERM, and restarts the daemon only after a crash.',
    'docs/running.md explains each setting.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> systemd unit > /etc/systemd/system/heartline.service',
    '<%= config.bin %> systemd unit --config-dir /srv/ha.d',
  ];
  static override flags = {
    'config-dir': Flags.string({ description: 'the directory ha start reads', default: daemonDefaults.configDir }),
    'state-dir': Flags.string({ description: 'where ha start keeps hb_generation, hb_uuid and hostcache', default: daemonDefaults.stateDir }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(SystemdUnit);
    const path = join(this.config.root, 'systemd', 'heartline.service');
    let template: string;
    try {
      template = await readFile(path, 'utf8');
    } catch (error) {
      throw new HaError('SYSTEMD_UNIT_MISSING', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
    const args = ['start'];
    if (flags['config-dir'] !== daemonDefaults.configDir) args.push('--config-dir', flags['config-dir']);
    if (flags['state-dir'] !== daemonDefaults.stateDir) args.push('--state-dir', flags['state-dir']);
    process.stdout.write(unitWithExecStart(template, [process.execPath, join(this.config.root, 'bin', 'ha.js'), ...args]));
  }
}
