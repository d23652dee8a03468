import { HaCommand } from '../HaCommand.js';
import { Flags } from '@oclif/core';
import { PluginAgentRegistry, errorCatalogue, formatIssue, isHaError, loadConfigDir, validateResources, type ConfigIssue } from '@heartline/core';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { pluginDescriptors } from '../../daemon/pluginDescriptors.js';

export class ConfigCheck extends HaCommand {
  static override summary = 'Check ha.cf, haresources and authkeys as heartbeat 3.0.6 would';
  static override description = [
    'Reads the three files of the configuration directory and prints every problem at once, as',
    '`file:line:col: error|warning CODE message` followed by a hint (line 0: the file as a whole).',
    'Every haresources resource is checked by the installed agent plugin that would run it (a script',
    'missing from <config-dir>/resource.d and --init-dir, a type no plugin provides).',
    '',
    'Exits 0 when there is no error (warnings allowed), otherwise with the exit code of the first error',
    '(78 configuration, 77 authkeys permissions, 66 missing file).',
    '',
    '--json prints {configDir, ok, errors, warnings, issues: [{file, line, column, severity, code, message, hint}]}.',
  ].join('\n');
  static override examples = ['<%= config.bin %> config check', '<%= config.bin %> config check --config-dir ./ha.d --json'];
  static override flags = {
    'config-dir': Flags.directory({ description: 'directory holding ha.cf, haresources and authkeys', default: '/etc/ha.d' }),
    'init-dir': Flags.string({ description: 'where LSB init scripts are looked up', default: daemonDefaults.initDir }),
    json: Flags.boolean({ description: 'print the result as JSON', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ConfigCheck);
    const configDir = flags['config-dir'];
    let issues: readonly ConfigIssue[];
    try {
      const config = await loadConfigDir(configDir);
      const agents = new PluginAgentRegistry(pluginDescriptors(this.config));
      const context = { haDir: configDir, initDir: flags['init-dir'] };
      issues = [...config.issues, ...(await validateResources(config.groups, agents, context))];
    } catch (error) {
      if (flags.json && isHaError(error)) {
        this.log(JSON.stringify({ configDir, ok: false, error: { code: error.code, message: error.message, hint: error.hint } }, null, 2));
        this.exit(error.exitCode);
      }
      throw error;
    }
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.length - errors.length;
    if (flags.json) {
      this.log(JSON.stringify({ configDir, ok: errors.length === 0, errors: errors.length, warnings, issues }, null, 2));
    } else {
      for (const issue of issues) this.log(formatIssue(issue));
      const verdict = errors.length === 0 ? 'configuration OK' : 'configuration has errors';
      this.log(`${configDir}: ${verdict}: ${errors.length} error(s), ${warnings} warning(s)`);
    }
    const first = errors[0];
    if (first !== undefined) this.exit(errorCatalogue[first.code].exitCode);
  }
}
