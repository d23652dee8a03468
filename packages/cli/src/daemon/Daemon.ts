import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  ClusterNode,
  ExecaCommandRunner,
  HaError,
  PluginAgentRegistry,
  PluginTransportRegistry,
  StructuredLogger,
  SystemClock,
  createLogSinks,
  formatIssue,
  loadConfigDir,
  resolveNodeName,
  validateResources,
  type ConfigDir,
  type LogSink,
  type Logger,
  type ResourceLayerOptions,
} from '@heartline/core';
import { ControlServer } from './ControlServer.js';
import type { DaemonOptions } from './DaemonOptions.js';
import { daemonDefaults } from './daemonDefaults.js';
import { StderrSink } from './StderrSink.js';

/**
 * `ha start` in the foreground: configuration, logging (ha.cf's targets plus stderr), the node,
 * the control socket, and the signals. SIGTERM/SIGINT make the graceful leave heartbeat makes and
 * resolve `finished`; a second signal during it stops at once. "No local heartbeat" restarts the
 * node with a new generation, as heartbeat restarts itself.
 */
export class Daemon {
  private readonly clock = new SystemClock();
  private node: ClusterNode | undefined;
  private control: ControlServer | undefined;
  private sinks: LogSink[] = [];
  private logger: Logger | undefined;
  private stopRequested = false;
  private resolveFinished: (() => void) | undefined;
  private readonly removeSignals: Array<() => void> = [];
  /** Resolves when the daemon has stopped and released everything. */
  readonly finished = new Promise<void>((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(private readonly options: DaemonOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    const nodeName = resolveNodeName({ explicit: o.nodeName, configDir: o.configDir });
    const config = await loadConfigDir(o.configDir);
    const authKeys = this.checkConfig(config);
    const pid = process.pid;
    this.sinks = [
      ...createLogSinks(config.haCf, { clock: this.clock, pid, onProblem: (m) => o.stderr(`${m}\n`) }),
      new StderrSink({ syslogFormat: true, hostname: hostname(), entity: 'heartbeat', pid }, config.haCf.debug > 0),
    ];
    const logger = new StructuredLogger(this.sinks, this.clock);
    this.logger = logger;
    logger.info('**************************');
    logger.info(`Configuration validated. Starting Heartline ${o.version} (heartbeat 3.0.6 protocol) as node ${nodeName}`);
    const transports = new PluginTransportRegistry(o.plugins);
    const resources = await this.resourceLayer(config, logger);
    const makeNode = () =>
      new ClusterNode({ nodeName, haCf: config.haCf, authKeys, transports, clock: this.clock, logger, stateDir: o.stateDir, pid, resources });
    this.control = new ControlServer(join(o.runDir, daemonDefaults.socketName), (query) => this.answer(query));
    try {
      await this.control.listen();
      await this.startNode(makeNode);
    } catch (error) {
      await this.release();
      throw error;
    }
    this.trapSignals();
  }

  private async startNode(makeNode: () => ClusterNode): Promise<void> {
    const node = makeNode();
    this.node = node;
    let restarting = false;
    node.on((event) => {
      if (restarting || this.stopRequested) return;
      // heartbeat restarts itself, resources released first, when it stops hearing itself and,
      // 2 s later, when a partition heals (both sides took everything: both must renegotiate).
      if (event.kind === 'local-heartbeat-lost') restarting = true;
      else if (event.kind === 'partition-healed') restarting = true;
      else return;
      const delayMs = event.kind === 'partition-healed' ? 2000 : 0;
      void this.restartNode(node, makeNode, delayMs).catch((error: unknown) => this.fail(error));
    });
    await node.start();
  }

  /** cause_shutdown_restart + restart_heartbeat: release and leave, wait until peers noticed, start anew. */
  private async restartNode(node: ClusterNode, makeNode: () => ClusterNode, delayMs: number): Promise<void> {
    await this.clock.sleep(delayMs);
    if (this.stopRequested) return;
    await node.stop();
    if (this.stopRequested) return;
    this.logger?.info('Heartbeat restart triggered.');
    this.logger?.info('Restarting heartbeat.');
    this.logger?.info('Performing heartbeat restart exec.');
    // heartbeat sleeps deadtime + 1 s before its exec, so that every peer declares it dead first.
    await this.clock.sleep(Math.ceil(node.status().deadtimeMs / 1000) * 1000 + 1000);
    if (this.stopRequested) return;
    await this.startNode(makeNode);
  }



  /** The graceful leave, then everything closes; a second call during it halts at once. */
  async stop(): Promise<void> {
    if (this.stopRequested) {
      this.logger?.warn('Second stop request: halting without waiting for the leave to finish.');
      await this.node?.halt();
      await this.release();
      return;
    }
    this.stopRequested = true;
    try {
      await this.node?.stop();
    } finally {
      await this.release();
    }
  }

  /**
   * haresources groups with the agents of the installed plugins. A resource type no plugin
   * provides stops the start here, all of them named at once, rather than at the first failover.
   */
  private async resourceLayer(config: ConfigDir, logger: Logger): Promise<ResourceLayerOptions> {
    const agents = new PluginAgentRegistry(this.options.plugins);
    const issues = await validateResources(config.groups, agents, { haDir: this.options.configDir, initDir: this.options.initDir });
    const missing = issues.filter((i) => i.code === 'RESOURCE_NO_AGENT');
    if (missing.length > 0) {
      throw new HaError('RESOURCE_NO_AGENT', missing.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; '));
    }
    // A missing script is heartbeat's business at takeover time, not a reason to stay out of the cluster.
    for (const issue of issues) logger.warn(formatIssue(issue).replace(/\n\s*/g, ' '));
    const commands = new ExecaCommandRunner();
    // A failed load shows at the first command, with its reason.
    if (config.groups.length > 0) commands.preload().catch(() => undefined);
    return {
      groups: config.groups,
      agents,
      commands,
      haDir: this.options.configDir,
      initDir: this.options.initDir,
      monitors: config.heartline.monitors,
    };
  }

  private answer(query: Record<string, unknown>): unknown {
    const node = this.node;
    if (node === undefined) throw new Error('the node is not running');
    const kind = query['query'];
    if (kind === 'status') return { schema: 1, version: this.options.version, pid: process.pid, ...node.status() };
    if (kind === 'standby' || kind === 'takeover') {
      const set = query['resources'];
      if (set !== 'all' && set !== 'local' && set !== 'foreign' && set !== 'failback') {
        throw new Error(`resources must be all, local, foreign or failback, not ${JSON.stringify(set)}`);
      }
      const refusal = node.requestStandby(kind, set);
      return refusal === undefined ? { accepted: true } : { accepted: false, reason: refusal };
    }
    throw new Error(`unknown query ${JSON.stringify(kind)}`);
  }

  private checkConfig(config: ConfigDir) {
    for (const issue of config.issues) this.options.stderr(`${formatIssue(issue)}\n`);
    const errors = config.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0 || config.authKeys === undefined) {
      throw new HaError(
        'DAEMON_CONFIG_INVALID',
        `${config.dir}: ${errors.length} error(s) in the configuration${config.authKeys === undefined ? ', no usable authkeys' : ''}`,
      );
    }
    return config.authKeys;
  }

  private trapSignals(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const handler = (): void => {
        void this.stop().catch((error: unknown) => this.fail(error));
      };
      process.on(signal, handler);
      this.removeSignals.push(() => process.off(signal, handler));
    }
  }

  private fail(error: unknown): void {
    this.options.stderr(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
    void this.release();
  }

  private async release(): Promise<void> {
    for (const remove of this.removeSignals.splice(0)) remove();
    await this.control?.close();
    this.control = undefined;
    for (const sink of this.sinks.splice(0)) await sink.close?.();
    this.resolveFinished?.();
  }
}
