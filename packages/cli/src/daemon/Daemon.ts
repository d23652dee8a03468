import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  ClusterNode,
  ExecaCommandRunner,
  FenceConfirmations,
  HaError,
  PluginAgentRegistry,
  PluginTransportRegistry,
  StructuredLogger,
  SystemClock,
  createLogSinks,
  formatIssue,
  isHaError,
  resolveNodeName,
  validateResources,
  type ActivatorObserver,
  type ConfigDir,
  type HaCf,
  type LogSink,
  type Logger,
  type MetricsSettings,
  type ResourceLayerOptions,
} from '@heartline/core';
import { answerFenceConfirm } from '../fencing/answerFenceConfirm.js';
import { fencingForNode } from '../fencing/fencingForNode.js';
import { ControlServer } from './ControlServer.js';
import type { DaemonOptions } from './DaemonOptions.js';
import type { RunningMetrics } from './metrics/RunningMetrics.js';
import { openMetrics } from './openMetrics.js';
import { PidLock } from './PidLock.js';
import { formatReloadChange } from './reload/formatReloadChange.js';
import { formatReloadSummary } from './reload/formatReloadSummary.js';
import { planReload } from './reload/planReload.js';
import { readRunningConfig } from './reload/readRunningConfig.js';
import type { ReloadChange } from './reload/ReloadChange.js';
import type { RunningConfig } from './reload/RunningConfig.js';
import { StderrSink } from './StderrSink.js';
import { stderrIsJournal } from './stderrIsJournal.js';
import { SwappableSinks } from './SwappableSinks.js';
import { SystemdNotifier } from './SystemdNotifier.js';

/**
 * `ha start` in the foreground: the pid file, configuration, logging (ha.cf's targets plus stderr),
 * the node, the control socket, and the signals. SIGTERM/SIGINT make the graceful leave heartbeat
 * makes and resolve `finished`; a second signal during it stops at once. SIGHUP reloads the
 * configuration (what can change at runtime is applied, the rest refused, a file with errors
 * changes nothing). "No local heartbeat" restarts the node with a new generation, as heartbeat
 * restarts itself. Under systemd (Type=notify) it reports READY=1 once the node is in service.
 * heartline.cf's `metrics` line opens a Prometheus endpoint (docs/metrics.md).
 */
export class Daemon {
  private readonly clock = new SystemClock();
  private node: ClusterNode | undefined;
  private control: ControlServer | undefined;
  private readonly sinks = new SwappableSinks([]);
  private logger: Logger | undefined;
  private running: RunningConfig | undefined;
  private lock: PidLock | undefined;
  private readonly notifier = new SystemdNotifier();
  /** Where `ha fence confirm` lands (meatware STONITH); kept across restarts of the node. */
  private readonly confirmations = new FenceConfirmations();
  private readonly journal = stderrIsJournal();
  private reloads: Promise<void> = Promise.resolve();
  private readyAnnounced = false;
  private stopRequested = false;
  private resolveFinished: (() => void) | undefined;
  private readonly removeSignals: Array<() => void> = [];
  private metrics: RunningMetrics | undefined;
  private nodeName = '';
  /** Resource and group operations go to the metrics endpoint while one runs. */
  private readonly operations: ActivatorObserver = {
    resourceOperation: (sample) => this.metrics?.observer.resourceOperation(sample),
    groupOperation: (sample) => this.metrics?.observer.groupOperation(sample),
  };
  /** Resolves when the daemon has stopped and released everything. */
  readonly finished = new Promise<void>((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(private readonly options: DaemonOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    const nodeName = resolveNodeName({ explicit: o.nodeName, configDir: o.configDir });
    this.nodeName = nodeName;
    // SIGHUP would end the process by default: until the node runs, a reload waits for it.
    this.trap('SIGHUP', () => this.requestReload());
    let replacedPid: number | undefined;
    try {
      this.lock = new PidLock(join(o.runDir, PidLock.fileName));
      replacedPid = this.lock.acquire();
    } catch (error) {
      this.lock = undefined;
      await this.release();
      throw error;
    }
    try {
      await this.startLocked(nodeName, replacedPid);
    } catch (error) {
      await this.release();
      throw error;
    }
    this.trapSignals();
  }

  private async startLocked(nodeName: string, replacedPid: number | undefined): Promise<void> {
    const o = this.options;
    const { config, running } = await readRunningConfig(o.configDir, o.plugins);
    this.checkConfig(config);
    if (running === undefined) throw new HaError('DAEMON_CONFIG_INVALID', `${config.dir}: no usable configuration`);
    this.running = running;
    const pid = process.pid;
    await this.sinks.replace(this.makeSinks(config.haCf));
    const logger = new StructuredLogger([this.sinks], this.clock);
    this.logger = logger;
    logger.info('**************************');
    logger.info(`Configuration validated. Starting Heartline ${o.version} (heartbeat 3.0.6 protocol) as node ${nodeName}`);
    if (replacedPid !== undefined) logger.info(`Took over the pid file of pid ${replacedPid}, which no longer runs`);
    const transports = new PluginTransportRegistry(o.plugins);
    const resources = await this.resourceLayer(config, logger, nodeName);
    // A restart after a partition takes what reloads applied since the start.
    const makeNode = () => {
      const now = this.running ?? running;
      return new ClusterNode({ nodeName, haCf: now.haCf, authKeys: now.authKeys, transports, clock: this.clock, logger, stateDir: o.stateDir, pid, resources });
    };
    this.control = new ControlServer(o.runDir, (query) => this.answer(query), logger);
    await this.control.listen();
    await this.applyMetrics(running.heartline.metrics);
    await this.startNode(makeNode);
  }

  /** Opens, moves or closes the metrics endpoint to match heartline.cf (a failure is logged, the node runs on). */
  private async applyMetrics(settings: MetricsSettings | undefined): Promise<void> {
    const previous = this.metrics;
    this.metrics = undefined;
    await previous?.close();
    const logger = this.logger;
    if (settings === undefined || !settings.enabled || logger === undefined) return;
    this.metrics = await openMetrics(settings, {
      node: () => this.node,
      nodeName: this.nodeName,
      version: this.options.version,
      groups: (this.running?.groups ?? []).map((g) => g.key),
      logger,
    });
  }

  /** ha.cf's log targets, and stderr (without its own time and host under journald, which adds them). */
  private makeSinks(haCf: HaCf): LogSink[] {
    const pid = process.pid;
    return [
      ...createLogSinks(haCf, { clock: this.clock, pid, onProblem: (m) => this.options.stderr(`${m}\n`) }),
      new StderrSink({ syslogFormat: true, hostname: hostname(), entity: 'heartbeat', pid }, haCf.debug > 0, undefined, this.journal),
    ];
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
      node.expectRestart();
      void this.restartNode(node, makeNode, delayMs).catch((error: unknown) => this.fail(error));
    });
    await node.start();
    if (!this.readyAnnounced) {
      this.readyAnnounced = true;
      void node.ready.then(() => this.tellSystemd('ready'));
    }
  }

  /** READY=1 once the node first is in service, STOPPING=1 when the leave begins; a failure is logged. */
  private async tellSystemd(what: 'ready' | 'stopping'): Promise<void> {
    if (!this.notifier.enabled) return;
    const problem = what === 'ready' ? await this.notifier.ready() : await this.notifier.stopping();
    if (problem === undefined) this.logger?.info(`Told systemd ${what === 'ready' ? 'READY=1' : 'STOPPING=1'}`);
    else this.logger?.error(`${problem.code}: ${problem.message}; hint: ${problem.hint}`);
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

  /** SIGHUP: reloads run one after the other, each after the node started. */
  private requestReload(): void {
    this.reloads = this.reloads
      .then(() => this.reload())
      .catch((error: unknown) => {
        const text = isHaError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
        this.logger?.error(`Reload refused: ${text}; the running configuration is kept (RELOAD_CONFIG_INVALID)`);
      });
  }

  /**
   * Re-reads the four files and the plugin list. A file with errors refuses the whole reload; what
   * can change while the node runs is applied, each refused directive gets its line, and a summary
   * line ends it. Nothing here stops the node or a group.
   */
  private async reload(): Promise<void> {
    const current = this.running;
    const logger = this.logger;
    if (current === undefined || logger === undefined || this.stopRequested) return;
    logger.info(`Reload requested (SIGHUP): re-reading ${this.options.configDir}`);
    const extra: ReloadChange[] = [];
    let plugins = current.plugins;
    try {
      plugins = (await this.options.loadPlugins?.()) ?? current.plugins;
    } catch (error) {
      extra.push({ directive: 'plugins', outcome: 'refused', detail: `${(error as Error).message}; plugins are loaded at start`, where: undefined });
    }
    const { config, running: loaded } = await readRunningConfig(this.options.configDir, plugins);
    for (const issue of config.issues) {
      const line = formatIssue(issue).replace(/\n\s*/g, ' ');
      if (issue.severity === 'error') logger.error(line);
      else logger.warn(line);
    }
    if (loaded === undefined || this.stopRequested) {
      const errors = config.issues.filter((i) => i.severity === 'error').length;
      const why = loaded === undefined ? `${errors} error(s) in ${config.dir}${config.authKeys === undefined ? ', no usable authkeys' : ''}` : 'the node is stopping';
      logger.error(`Reload refused: ${why}; the running configuration is kept (RELOAD_CONFIG_INVALID)`);
      return;
    }
    const plan = planReload(current, loaded);
    // First what can throw (keys that cannot sign), so that a failure leaves everything as it was.
    if (plan.rekey) this.node?.rekey(plan.next.authKeys);
    if (plan.relog) await this.sinks.replace(this.makeSinks(plan.next.haCf));
    const { keepaliveMs, deadtimeMs, warntimeMs } = plan.next.haCf;
    if (plan.retime) this.node?.retime({ keepaliveMs, deadtimeMs, warntimeMs });
    this.running = plan.next;
    if (plan.remetric) await this.applyMetrics(plan.next.heartline.metrics);
    const changes = [...plan.changes, ...extra];
    for (const change of changes) {
      if (change.outcome === 'refused') logger.warn(formatReloadChange(change));
      else logger.info(formatReloadChange(change));
    }
    logger.info(formatReloadSummary(changes));
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
    void this.tellSystemd('stopping');
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
  private async resourceLayer(config: ConfigDir, logger: Logger, nodeName: string): Promise<ResourceLayerOptions> {
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
    // The STONITH device that applies to this node, checked now: heartbeat too refuses to start with a bad one.
    const fencing = await fencingForNode(config, nodeName, this.options.plugins, commands, this.confirmations);
    return {
      ...(fencing === undefined ? {} : { fencing }),
      groups: config.groups,
      agents,
      commands,
      haDir: this.options.configDir,
      initDir: this.options.initDir,
      monitors: config.heartline.monitors,
      timeoutRules: config.heartline.timeouts,
      observer: this.operations,
    };
  }

  private answer(query: Record<string, unknown>): unknown {
    const node = this.node;
    if (node === undefined) throw new Error('the node is not running');
    const kind = query['query'];
    if (kind === 'status') return { schema: 1, version: this.options.version, pid: process.pid, ...node.status() };
    if (kind === 'fence-confirm') return answerFenceConfirm(this.confirmations, query['node']);
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
      this.trap(signal, () => {
        void this.stop().catch((error: unknown) => this.fail(error));
      });
    }
  }

  private trap(signal: NodeJS.Signals, handler: () => void): void {
    process.on(signal, handler);
    this.removeSignals.push(() => process.off(signal, handler));
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
    const metrics = this.metrics;
    this.metrics = undefined;
    await metrics?.close();
    this.lock?.release();
    this.lock = undefined;
    await this.sinks.close();
    this.resolveFinished?.();
  }
}
