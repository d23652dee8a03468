import { HaCommand } from '../HaCommand.js';
import { Flags } from '@oclif/core';
import {
  ExecaCommandRunner,
  PluginAgentRegistry,
  PluginTransportRegistry,
  errorCatalogue,
  formatIssue,
  isHaError,
  loadConfigDir,
  monitorSpecFor,
  resolveResourceTimeouts,
  validateMedia,
  validateResources,
  type ConfigIssue,
  type MonitorSpec,
  type ResourceTimeouts,
} from '@heartline/core';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { pluginDescriptors } from '../../daemon/pluginDescriptors.js';
import { fenceDeviceReport, type FenceDeviceReport } from '../../fencing/fenceDeviceReport.js';

/** Which agent and plugin run one haresources resource (`ha config check`). */
interface ResourceResolution {
  readonly file: string;
  readonly line: number;
  readonly group: string;
  readonly resource: string;
  readonly type: string;
  readonly agent: string | null;
  readonly plugins: readonly string[];
  /** How it is checked while it runs (heartline.cf or the agent's default); null: not monitored. */
  readonly monitor: MonitorSpec | null;
  /** How long a start and a stop may run (heartline.cf's `timeouts` lines or the defaults). */
  readonly timeouts: ResourceTimeouts;
}

export class ConfigCheck extends HaCommand {
  static override summary = 'Check ha.cf, haresources and authkeys as heartbeat 3.0.6 would';
  static override description = [
    'Reads the three files of the configuration directory and prints every problem at once, as',
    '`file:line:col: error|warning CODE message` followed by a hint (line 0: the file as a whole).',
    'Every ha.cf medium must be provided by exactly one installed transport plugin. Every haresources',
    'resource is checked by the installed agent plugin that would run it (a script',
    'missing from <config-dir>/resource.d and --init-dir, a type no plugin provides), and listed with that',
    'agent and plugin and how it is monitored: `haresources:LINE RESOURCE -> agent TYPE (PLUGIN), monitored every',
    '10 s (agent default)`, `*` being the script agent, followed by any start or stop timeout a heartline.cf',
    '`timeouts` line sets (`, start timeout 300 s (heartline.cf:4)`). The optional heartline.cf (Heartline\'s own `monitor` and',
    '`timeouts` lines, docs/heartline-cf.md) is checked too, against haresources. Every stonith and stonith_host line of ha.cf is',
    'checked by the installed fencer plugin of its type (its parameters; an external/NAME plugin script, run for its',
    'getconfignames) and listed with that fencer: `ha.cf:LINE stonith_host * external/ipmi -> fencer external/* (PLUGIN)`.',
    '',
    'Exits 0 when there is no error (warnings allowed), otherwise with the exit code of the first error',
    '(78 configuration, 77 authkeys permissions, 66 missing file).',
    '',
    '--json prints {configDir, ok, errors, warnings, issues: [{file, line, column, severity, code, message, hint}],',
    'resources: [{file, line, group, resource, type, agent, plugins, monitor, timeouts}]} (agent null and plugins [] when none',
    'serves it; monitor {intervalMs, timeoutMs, restarts, windowMs, origin} or null when not monitored; timeouts',
    '{startMs, stopMs, startOrigin, stopOrigin}, an origin being `heartline.cf:LINE` or `default`),',
    'fencing: [{file, line, source, type, fencer, plugins}] (fencer null and plugins [] when none serves it).',
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
    let resources: ResourceResolution[];
    let fencing: readonly FenceDeviceReport[];
    try {
      const config = await loadConfigDir(configDir);
      const descriptors = pluginDescriptors(this.config);
      const agents = new PluginAgentRegistry(descriptors);
      const context = { haDir: configDir, initDir: flags['init-dir'] };
      const media = validateMedia(config.haCf.media, new PluginTransportRegistry(descriptors).kinds());
      const stonith = await fenceDeviceReport(config, descriptors, new ExecaCommandRunner());
      fencing = stonith.devices;
      issues = [...config.issues, ...media, ...(await validateResources(config.groups, agents, context)), ...stonith.issues];
      resources = [];
      for (const group of config.groups) {
        for (const r of group.resources) {
          const resolved = agents.resolve(r.type);
          const monitor = (await monitorSpecFor(r, config.heartline.monitors, agents)) ?? null;
          resources.push({
            file: r.where.file,
            line: r.where.line,
            group: group.key,
            resource: r.text,
            type: r.type,
            agent: resolved?.agent ?? null,
            plugins: resolved?.packages ?? [],
            monitor,
            timeouts: resolveResourceTimeouts(r, config.heartline.timeouts),
          });
        }
      }
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
      this.log(JSON.stringify({ configDir, ok: errors.length === 0, errors: errors.length, warnings, issues, resources, fencing }, null, 2));
    } else {
      for (const issue of issues) this.log(formatIssue(issue));
      for (const r of resources) {
        const agent = r.agent === null ? 'no agent' : `agent ${r.agent === '*' ? '* (script)' : r.agent} (${r.plugins.join(' and ')})`;
        const monitor = r.monitor === null ? 'not monitored' : `monitored every ${seconds(r.monitor.intervalMs)} (${r.monitor.origin})`;
        this.log(`${r.file}:${r.line} ${r.resource} -> ${agent}${r.agent === null ? '' : `, ${monitor}${timeoutsColumn(r.timeouts)}`}`);
      }
      for (const f of fencing) {
        this.log(`${f.file}:${f.line} ${f.source} -> ${f.fencer === null ? 'no fencer' : `fencer ${f.fencer} (${f.plugins.join(' and ')})`}`);
      }
      const verdict = errors.length === 0 ? 'configuration OK' : 'configuration has errors';
      this.log(`${configDir}: ${verdict}: ${errors.length} error(s), ${warnings} warning(s)`);
    }
    const first = errors[0];
    if (first !== undefined) this.exit(errorCatalogue[first.code].exitCode);
  }
}

/** The start and stop timeouts that are not the defaults, as `, start timeout 5 s (heartline.cf:2)`. */
function timeoutsColumn(t: ResourceTimeouts): string {
  const set = [
    t.startOrigin === 'default' ? '' : `, start timeout ${seconds(t.startMs)} (${t.startOrigin})`,
    t.stopOrigin === 'default' ? '' : `, stop timeout ${seconds(t.stopMs)} (${t.stopOrigin})`,
  ];
  return set.join('');
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
