import { Args, Flags } from '@oclif/core';
import {
  HaError,
  PluginAgentRegistry,
  checkAgentConformance,
  isHaError,
  parseDuration,
  resolveNodeName,
  type ConformanceCheck,
  type ConformanceReport,
  type OperationTimeouts,
} from '@heartline/core';
import { HaCommand } from '../HaCommand.js';
import { daemonDefaults } from '../../daemon/daemonDefaults.js';
import { pluginDescriptors } from '../../daemon/pluginDescriptors.js';
import { formatCheckLine } from './formatCheckLine.js';
import { formatOperationLines } from './formatOperationLines.js';
import { resourceEnvironment } from './resourceEnvironment.js';
import { resourceFromArgv } from './resourceFromArgv.js';

export class AgentTest extends HaCommand {
  static override summary = 'Check that an agent starts, stops and tells its status as failover needs (starts and stops it here)';
  static override description = [
    'Runs the resource TYPE::ARG… on this node through the agent the daemon would use (a plugin\'s agent, a',
    'heartbeat resource.d script, an LSB init script, an OCF agent), for real, and checks what failover relies',
    'on: status before the test says stopped (a resource that runs already is left alone and the test ends),',
    'stop of a never-started resource, start, status after start, start again, stop, status after stop, stop',
    'again, status telling running from stopped, no process left after stop (processes started by its commands',
    'carry HEARTLINE_AGENT_TEST in their environment), a failed start cleaned up by stop (with --failing ARGS:',
    'arguments of the same type with which start fails), and every operation within its timeout.',
    'Run it on a node that does not hold the resource. One PASS/FAIL/SKIP line per check, then a summary.',
    '',
    'Exits 0 when no check failed, 1 (AGENT_TEST_FAILED) when one did, 78 when no agent serves TYPE.',
    '',
    '--json prints {resource, agent, plugins, nodeName, ok, passed, failed, skipped, timeouts, stoppedEarly,',
    'warnings, checks: [{id, title, verdict, detail}], operations: [{operation, resource, result, durationMs,',
    'timeoutMs, logs}]}; verdict is pass, fail or skip; result is the agent\'s answer, null if it never answered.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> agent test mysql',
    '<%= config.bin %> agent test IPaddr 10.0.0.5/24/eth0 --failing 10.0.0.5/24/nosuch0',
    '<%= config.bin %> agent test apache2::/etc/apache2/apache2.conf --timeout 30s --json',
  ];
  static override strict = false;
  static override args = {
    type: Args.string({ description: 'resource type (or a whole resource, TYPE::ARG::…), then its arguments', required: true }),
  };
  static override flags = {
    'config-dir': Flags.directory({ description: 'heartbeat\'s configuration directory (resource.d, conf/OCF, ha.cf)', default: daemonDefaults.configDir }),
    'init-dir': Flags.string({ description: 'where LSB init scripts are looked up', default: daemonDefaults.initDir }),
    'node-name': Flags.string({ description: 'the node name the agent sees (default: nodeinfo, else uname -n, lowercased)' }),
    timeout: Flags.string({ description: 'timeout of every operation, e.g. 30s or 500ms (default: the daemon\'s, start and stop 120 s, status 30 s)' }),
    failing: Flags.string({ description: 'arguments (ARG::ARG…) of a resource of the same type whose start fails, for the failed-start check' }),
    json: Flags.boolean({ description: 'print the result as JSON', default: false }),
    verbose: Flags.boolean({ description: 'also print each operation and what the agent logged', default: false }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(AgentTest);
    const configDir = flags['config-dir'];
    const nodeName = resolveNodeName({ explicit: flags['node-name'], configDir });
    const resource = resourceFromArgv(argv as string[], nodeName);
    const failing = flags.failing === undefined ? undefined : resourceFromArgv([resource.type, flags.failing], nodeName, '--failing');
    const agents = new PluginAgentRegistry(pluginDescriptors(this.config));
    const plugins = agents.resolve(resource.type)?.packages ?? [];
    const timeouts = operationTimeouts(flags.timeout);
    let report: ConformanceReport;
    let previous: ConformanceCheck | undefined;
    try {
      if (!flags.json) this.log(`ha agent test ${resource.spec} on node ${nodeName}, ${plugins.length === 0 ? 'no agent' : `served by ${plugins.join(' and ')}`}`);
      report = await checkAgentConformance({
        agents,
        resource,
        ...(failing === undefined ? {} : { failing }),
        nodeName,
        haDir: configDir,
        initDir: flags['init-dir'],
        env: resourceEnvironment(configDir, nodeName),
        ...(timeouts === undefined ? {} : { timeouts }),
        onCheck: (check) => {
          if (!flags.json) this.log(formatCheckLine(check, previous));
          previous = check;
        },
        onOperation: (op) => flags.json || !flags.verbose || this.log(formatOperationLines(op).join('\n')),
      });
    } catch (error) {
      if (flags.json && isHaError(error)) {
        this.log(JSON.stringify({ resource: resource.spec, ok: false, error: { code: error.code, message: error.message, hint: error.hint } }, null, 2));
        this.exit(error.exitCode);
      }
      throw error;
    }
    const failed = report.checks.filter((c) => c.verdict === 'fail').map((c) => c.id);
    const verdict = new HaError('AGENT_TEST_FAILED', `${report.resource}: ${failed.length} of ${report.checks.length} checks failed (${failed.join(', ')})`);
    if (flags.json) {
      this.log(JSON.stringify({ ...report, plugins, nodeName }, null, 2));
      if (!report.ok) this.exit(verdict.exitCode);
      return;
    }
    const counts = `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
    this.log(`${report.resource}: ${counts}${report.ok ? '' : '; not ready for failover'}`);
    for (const warning of report.warnings) this.log(`warning: ${warning}`);
    if (!report.ok) throw verdict;
  }
}

/** `--timeout`: one duration for every operation; undefined keeps the daemon's. */
function operationTimeouts(text: string | undefined): OperationTimeouts | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) throw new HaError('USAGE', `--timeout ${JSON.stringify(text)} is not a duration (write 30s, 500ms, 2min)`);
  return { start: ms, stop: ms, status: ms };
}
