import type { DependencyContainer } from 'tsyringe';
import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { TimeoutRule } from '../config/HeartlineCf.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { Logger } from '../log/Logger.js';
import type { Clock } from '../time/Clock.js';
import type { ActivatorObserver } from './ActivatorObserver.js';
import type { AgentContext } from './AgentContext.js';
import type { AgentProvider } from './AgentProvider.js';
import { describeResult, type AgentResult, type ResourceOperation } from './AgentResult.js';
import type { CommandRunner } from './CommandRunner.js';
import type { GroupOutcome } from './GroupOutcome.js';
import { defaultOperationTimeouts, type OperationTimeouts } from './OperationTimeouts.js';
import type { ResourceTimeouts } from './ResourceTimeouts.js';
import { resolveResourceTimeouts } from './resolveResourceTimeouts.js';
import { timeoutHint } from './timeoutHint.js';

export interface GroupActivatorOptions {
  readonly nodeName: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly agents: AgentProvider;
  readonly container: DependencyContainer;
  readonly commands: CommandRunner;
  readonly haDir: string;
  readonly initDir: string;
  readonly env: Readonly<Record<string, string>>;
  /** Every resource's timeouts, under `timeoutRules` (default defaultOperationTimeouts). */
  readonly timeouts?: Partial<OperationTimeouts>;
  /** heartline.cf's `timeouts` lines: per resource or type, start and stop timeouts over `timeouts`. */
  readonly timeoutRules?: readonly TimeoutRule[];
  /** heartbeat's HA_STOPRETRYMAX: failed stops are retried this many times, a second apart. */
  readonly stopRetries?: number;
  readonly stopRetryDelayMs?: number;
  /** Hears every resource and group operation with its duration (metrics). */
  readonly observer?: ActivatorObserver;
}

/**
 * heartbeat's ResourceManager takegroup / givegroup over agents. Start runs left to right and
 * skips what status says runs; the first failure stops what this call started and the failed
 * resource, right to left. Stop runs right to left, retrying failures; a resource that will not
 * stop and still runs is reported (heartbeat reboots the machine there; we log CRIT and go on).
 * Operations on one resource never overlap: each resource has its own queue.
 */
export class GroupActivator {
  private readonly timeouts: OperationTimeouts;
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(private readonly options: GroupActivatorOptions) {
    this.timeouts = { ...defaultOperationTimeouts, ...options.timeouts };
  }

  async takeGroup(group: HaResourceGroup): Promise<GroupOutcome> {
    this.options.logger.info(`Acquiring resource group: ${group.line}`, { group: group.key });
    const startedMs = this.options.clock.now();
    return this.observed(group, 'take', startedMs, await this.startEach(group.resources, group));
  }

  /**
   * Monitoring's restart in place: `resource` and every resource right of it (which depend on it)
   * stop right to left, then start left to right. A failed start stops what this restart started
   * and the failed resource; the resources left of `resource` keep running.
   */
  async restartFrom(group: HaResourceGroup, resource: ResourceRef): Promise<GroupOutcome> {
    const from = group.resources.indexOf(resource);
    const affected = from < 0 ? [resource] : group.resources.slice(from);
    this.options.logger.info(`Restarting ${affected.map((r) => r.text).join(' ')} of resource group ${group.key}`, { group: group.key });
    const startedMs = this.options.clock.now();
    const stopped = await this.stopEach([...affected].reverse(), group);
    if (!stopped.ok) return this.observed(group, 'restart', startedMs, stopped);
    return this.observed(group, 'restart', startedMs, await this.startEach(affected, group));
  }

  /** Monitoring's check: the agent's `status`, given `timeoutMs`. */
  check(resource: ResourceRef, timeoutMs: number): Promise<AgentResult> {
    return this.operate(resource, 'status', timeoutMs);
  }

  async giveGroup(group: HaResourceGroup): Promise<GroupOutcome> {
    this.options.logger.info(`Releasing resource group: ${group.line}`, { group: group.key });
    const startedMs = this.options.clock.now();
    return this.observed(group, 'give', startedMs, await this.stopEach([...group.resources].reverse(), group));
  }

  /** ResourceManager's `status`: whether the resource runs here; a status that cannot tell counts as not running. */
  async isRunning(resource: ResourceRef): Promise<boolean> {
    return (await this.operate(resource, 'status')).status === 'running';
  }

  /** Starts what does not run yet, left to right; the first failure stops what this call started. */
  private async startEach(resources: readonly ResourceRef[], group: HaResourceGroup): Promise<GroupOutcome> {
    const { logger } = this.options;
    const started: ResourceRef[] = [];
    for (const resource of resources) {
      if (await this.isRunning(resource)) continue;
      const result = await this.operate(resource, 'start');
      if (result.status === 'running') {
        started.push(resource);
        continue;
      }
      logger.crit(`Giving up resources due to failure of ${resource.text}`, { group: group.key, resource: resource.spec });
      const hint = result.status === 'timed-out' ? ` (${timeoutHint(resource, 'start', this.timeoutsOf(resource))})` : '';
      logger.error(`RESOURCE_START_FAILED: ${resource.spec} ${describeResult(result)}${hint}`, { group: group.key, code: 'RESOURCE_START_FAILED' });
      // The failed resource may be half started: it is stopped too.
      await this.stopEach([...started, resource].reverse(), group);
      return { ok: false, resource: resource.spec, operation: 'start', result };
    }
    return { ok: true };
  }

  private async stopEach(resources: readonly ResourceRef[], group: HaResourceGroup): Promise<GroupOutcome> {
    const { logger, clock } = this.options;
    const retries = this.options.stopRetries ?? 10;
    let outcome: GroupOutcome = { ok: true };
    for (const resource of resources) {
      let result = await this.operate(resource, 'stop');
      for (let attempt = 0; result.status !== 'stopped' && attempt < retries; attempt++) {
        await clock.sleep(this.options.stopRetryDelayMs ?? 1000);
        logger.info(`Retrying failed stop operation [${resource.text}]`, { group: group.key, resource: resource.spec });
        result = await this.operate(resource, 'stop');
      }
      if (result.status === 'stopped') continue;
      if (!(await this.isRunning(resource))) {
        logger.error(`Resource script for ${resource.text} probably not LSB-compliant.`, { resource: resource.spec });
        logger.warn(`it (${resource.text}) MUST succeed on a stop when already stopped`, { resource: resource.spec });
        continue;
      }
      const hint = result.status === 'timed-out' ? `; ${timeoutHint(resource, 'stop', this.timeoutsOf(resource))}` : '';
      logger.crit(
        `RESOURCE_STOP_FAILED: ${resource.spec} will not stop (${describeResult(result)}${hint}); heartbeat would reboot this node, Heartline leaves it up: stop it by hand`,
        { group: group.key, resource: resource.spec, code: 'RESOURCE_STOP_FAILED' },
      );
      if (outcome.ok) outcome = { ok: false, resource: resource.spec, operation: 'stop', result };
    }
    return outcome;
  }

  /** One operation, after any other operation on the same resource has finished. */
  private operate(resource: ResourceRef, operation: ResourceOperation, timeoutMs?: number): Promise<AgentResult> {
    const previous = this.busy.get(resource.spec) ?? Promise.resolve();
    const run = previous.then(() => this.call(resource, operation, timeoutMs));
    const settled = run.catch(() => undefined);
    this.busy.set(resource.spec, settled);
    void settled.then(() => {
      if (this.busy.get(resource.spec) === settled) this.busy.delete(resource.spec);
    });
    return run;
  }

  private async call(resource: ResourceRef, operation: ResourceOperation, timeoutMs?: number): Promise<AgentResult> {
    const observer = this.options.observer;
    if (observer === undefined) return this.callAgent(resource, operation, timeoutMs);
    const startedMs = this.options.clock.now();
    const result = await this.callAgent(resource, operation, timeoutMs);
    const durationMs = this.options.clock.now() - startedMs;
    this.tell(() => observer.resourceOperation({ resource: resource.spec, type: resource.type, operation, result: result.status, durationMs }));
    return result;
  }

  private observed(group: HaResourceGroup, operation: 'take' | 'give' | 'restart', startedMs: number, outcome: GroupOutcome): GroupOutcome {
    const observer = this.options.observer;
    if (observer === undefined) return outcome;
    const durationMs = this.options.clock.now() - startedMs;
    this.tell(() => observer.groupOperation({ group: group.key, operation, ok: outcome.ok, durationMs }));
    return outcome;
  }

  /** An observer's bug must not change how a failover goes. */
  private tell(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.options.logger.error(`activator observer failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /** The start and stop timeouts of `resource`: heartline.cf's `timeouts` lines over the activator's. */
  private timeoutsOf(resource: ResourceRef): ResourceTimeouts {
    return resolveResourceTimeouts(resource, this.options.timeoutRules ?? [], this.timeouts);
  }

  private timeoutFor(resource: ResourceRef, operation: ResourceOperation): number {
    if (operation === 'status') return this.timeouts.status;
    const timeouts = this.timeoutsOf(resource);
    return operation === 'start' ? timeouts.startMs : timeouts.stopMs;
  }

  private async callAgent(resource: ResourceRef, operation: ResourceOperation, timeoutMs = this.timeoutFor(resource, operation)): Promise<AgentResult> {
    const o = this.options;
    const logger = o.logger.child({ resource: resource.spec });
    let agent;
    try {
      agent = await o.agents.agentFor(resource.type, o.container);
    } catch (error) {
      logger.error(`${resource.spec}: ${(error as Error).message}`);
      return { status: 'not-installed', reason: (error as Error).message };
    }
    const context: AgentContext = {
      nodeName: o.nodeName,
      logger,
      clock: o.clock,
      commands: o.commands,
      timeoutMs,
      haDir: o.haDir,
      initDir: o.initDir,
      env: o.env,
    };
    try {
      return await agent[operation](resource, context);
    } catch (error) {
      logger.error(`agent ${agent.type} threw on ${operation} of ${resource.spec}: ${(error as Error).stack ?? String(error)}`);
      return { status: 'failed', reason: `agent error: ${(error as Error).message}` };
    }
  }
}
