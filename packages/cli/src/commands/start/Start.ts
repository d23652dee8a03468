import { HaCommand } from '../HaCommand.js';
import { Config, Flags } from '@oclif/core';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { pluginDescriptors } from '../../daemon/pluginDescriptors.js';
import { runDaemon } from '../../start/runDaemon.js';

export class Start extends HaCommand {
  static override summary = 'Run this node in the foreground (the heartbeat daemon)';
  static override description = [
    'Reads ha.cf, haresources and authkeys, opens every medium of ha.cf through the installed transport',
    'plugins and takes part in the cluster like heartbeat 3.0.6 would: it negotiates with its peer who runs',
    'each haresources group (auto_failback on, off or legacy), starts groups left to right through the',
    'installed agent plugins, takes over the groups of a dead peer and hands groups back. Logs go to the',
    'ha.cf targets (logfile, debugfile, logfacility) and to stderr in heartbeat\'s format. SIGTERM or SIGINT',
    'release every group (right to left) and make the graceful leave heartbeat makes, then the command exits 0.',
    'SIGHUP re-reads the configuration and applies what can change while the node runs (log settings,',
    'keepalive, deadtime, warntime, authkeys); the rest is refused with one log line each, and a file with',
    'errors changes nothing. A second ha start with the same --run-dir is refused (<run-dir>/heartline.pid).',
    'Under systemd (Type=notify) it reports READY=1 once the node is in service: `ha systemd unit`.',
    '',
    'The node name is --node-name, else the first line of <config-dir>/nodeinfo, else uname -n, lowercased.',
    '`ha status` talks to the daemon through <run-dir>/control.sock (mode 0600).',
  ].join('\n');
  static override examples = ['<%= config.bin %> start', '<%= config.bin %> start --config-dir ./ha.d --state-dir ./state --run-dir ./run'];
  static override flags = {
    'config-dir': Flags.directory({ description: 'directory holding ha.cf, haresources and authkeys', default: daemonDefaults.configDir }),
    'node-name': Flags.string({ description: 'this node\'s name (default: nodeinfo, else uname -n)' }),
    'state-dir': Flags.string({ description: 'where hb_generation, hb_uuid and hostcache are kept', default: daemonDefaults.stateDir }),
    'run-dir': Flags.string({ description: 'where the control socket is created', default: daemonDefaults.runDir }),
    'init-dir': Flags.string({ description: 'where LSB init scripts are looked up (after <config-dir>/resource.d)', default: daemonDefaults.initDir }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Start);
    const startFlags = {
      configDir: flags['config-dir'],
      nodeName: flags['node-name'],
      stateDir: flags['state-dir'],
      runDir: flags['run-dir'],
      initDir: flags['init-dir'],
    };
    const reload = async () => pluginDescriptors(await Config.load(this.config.root));
    await runDaemon(startFlags, pluginDescriptors(this.config), reload, this.config.version);
  }
}
