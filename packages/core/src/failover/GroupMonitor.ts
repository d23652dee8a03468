import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { MonitorSpec } from '../monitor/MonitorSpec.js';
import { RestartBudget } from '../monitor/RestartBudget.js';
import { describeResult } from '../resources/AgentResult.js';
import type { Timer } from '../time/Clock.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import type { GroupMonitorStatus } from './FailoverStatus.js';
import type { ResourceJobs } from './ResourceJobs.js';
import type { StandbyRequests } from './StandbyRequests.js';

/** A group running here and the checks of its monitored resources. */
interface Watch {
  readonly group: HaResourceGroup;
  specs: ReadonlyArray<MonitorSpec | undefined>;
  readonly timers: Set<Timer>;
  /** A restart or hand-over is under way: checks wait for it. */
  recovering: boolean;
}

/** What monitoring has seen of one group, kept across its runs here. */
interface Health {
  readonly budget: RestartBudget;
  failures: number;
  restarts: number;
  handovers: number;
  lastFailure?: { readonly resource: string; readonly cause: string; readonly at: string };
  lastRestartAt?: string;
  lastHandoverAt?: string;
}

/** A hand-over waits this long between tries for the resource layer to become stable. */
const HANDOVER_RETRY_MS = 500;
const HANDOVER_TRIES = 120;

/**
 * Resource monitoring, which heartbeat v1 never had: while a group runs here, each monitored
 * resource's `status` is checked every interval. A failed check restarts the resource and those
 * right of it in place, up to the restart budget within its window; past it (or when the restart
 * fails) the group goes to the peer through heartbeat's standby protocol, as after a failed
 * start, so a heartbeat 3.0.6 peer takes it as it would from its own kind. Checks run only while
 * the resource layer is stable: a transition in progress is not a failure.
 */
export class GroupMonitor {
  private readonly watches = new Map<string, Watch>();
  private readonly health = new Map<string, Health>();

  constructor(
    private readonly rt: FailoverRuntime,
    private readonly jobs: ResourceJobs,
    private readonly requests: StandbyRequests,
  ) {
    rt.onGroupRunning((group, running) => (running ? this.watch(group) : this.unwatch(group)));
  }

  close(): void {
    for (const key of [...this.watches.keys()]) this.stopWatch(key);
  }

  /** For `ha status`: undefined for a group monitoring never looked at. */
  statusOf(group: HaResourceGroup): GroupMonitorStatus | undefined {
    const watch = this.watches.get(group.key);
    const health = this.health.get(group.key);
    if (watch === undefined && health === undefined) return undefined;
    const now = this.rt.options.clock.now();
    const checked = (watch?.specs ?? []).flatMap((spec, i) => {
      const resource = group.resources[i];
      return spec === undefined || resource === undefined ? [] : [{ resource: resource.spec, intervalMs: spec.intervalMs, origin: spec.origin }];
    });
    const windowMs = Math.max(0, ...(watch?.specs ?? []).map((s) => s?.windowMs ?? 0));
    return {
      resources: checked,
      failures: health?.failures ?? 0,
      restarts: health?.restarts ?? 0,
      restartsInWindow: health === undefined ? 0 : health.budget.used(now, windowMs),
      handovers: health?.handovers ?? 0,
      ...(health?.lastFailure === undefined ? {} : { lastFailure: health.lastFailure }),
      ...(health?.lastRestartAt === undefined ? {} : { lastRestartAt: health.lastRestartAt }),
      ...(health?.lastHandoverAt === undefined ? {} : { lastHandoverAt: health.lastHandoverAt }),
    };
  }

  private watch(group: HaResourceGroup): void {
    const plan = this.rt.options.monitorPlan;
    if (plan === undefined || this.rt.closed || this.watches.has(group.key)) return;
    const watch: Watch = { group, specs: [], timers: new Set(), recovering: false };
    this.watches.set(group.key, watch);
    plan(group).then(
      (specs) =>
        this.rt.run(() => {
          if (!this.isCurrent(watch)) return;
          watch.specs = specs;
          this.arm(watch);
        }),
      (error: unknown) => this.rt.log.error(`monitoring of group ${group.key} not set up: ${(error as Error).message}`, { group: group.key }),
    );
  }

  private unwatch(group: HaResourceGroup): void {
    this.stopWatch(group.key);
  }

  private stopWatch(key: string): void {
    const watch = this.watches.get(key);
    if (watch === undefined) return;
    this.disarm(watch);
    this.watches.delete(key);
  }

  private isCurrent(watch: Watch): boolean {
    return !this.rt.closed && this.watches.get(watch.group.key) === watch;
  }

  private arm(watch: Watch): void {
    watch.specs.forEach((spec, i) => {
      if (spec !== undefined) this.schedule(watch, i, spec);
    });
  }

  private disarm(watch: Watch): void {
    for (const timer of watch.timers) timer.cancel();
    watch.timers.clear();
  }

  private schedule(watch: Watch, index: number, spec: MonitorSpec): void {
    const timer = this.rt.options.clock.setTimeout(() => {
      watch.timers.delete(timer);
      void this.check(watch, index, spec);
    }, spec.intervalMs);
    watch.timers.add(timer);
  }

  private canCheck(watch: Watch): boolean {
    return this.isCurrent(watch) && !watch.recovering && this.rt.isStable() && !this.rt.shutdownInProgress;
  }

  private async check(watch: Watch, index: number, spec: MonitorSpec): Promise<void> {
    const resource = watch.group.resources[index];
    if (resource === undefined || !this.isCurrent(watch) || watch.recovering) return;
    if (!this.canCheck(watch)) {
      this.rt.run(() => this.schedule(watch, index, spec));
      return;
    }
    const result = await this.rt.options.operations.check(resource, spec.timeoutMs);
    this.rt.run(() => {
      if (!this.isCurrent(watch) || watch.recovering) return;
      // A transition that began during the check (a standby, a release) explains a stopped resource.
      if (result.status === 'running' || !this.canCheck(watch)) this.schedule(watch, index, spec);
      else this.failed(watch, resource, spec, describeResult(result));
    });
  }

  private healthOf(key: string): Health {
    let health = this.health.get(key);
    if (health === undefined) {
      health = { budget: new RestartBudget(), failures: 0, restarts: 0, handovers: 0 };
      this.health.set(key, health);
    }
    return health;
  }

  private wallTime(): string {
    return this.rt.options.clock.wallTime().toISOString();
  }

  private failed(watch: Watch, resource: ResourceRef, spec: MonitorSpec, cause: string): void {
    const { group } = watch;
    const health = this.healthOf(group.key);
    health.failures++;
    health.lastFailure = { resource: resource.spec, cause: `status: ${cause}`, at: this.wallTime() };
    this.rt.log.error(`MONITOR_FAILED: ${resource.spec} of resource group ${group.key} is not running (status: ${cause})`, {
      group: group.key,
      resource: resource.spec,
      code: 'MONITOR_FAILED',
    });
    this.disarm(watch);
    watch.recovering = true;
    if (health.budget.allows(this.rt.options.clock.now(), spec.windowMs, spec.restarts)) {
      this.restart(watch, resource, spec, false);
      return;
    }
    const window = formatDuration(spec.windowMs);
    this.handOver(watch, resource, spec, `${resource.spec} failed again after ${spec.restarts} restart(s) within ${window}`, 0);
  }

  /** Restart in place, as a resource job (after any other job, and holding stability while it runs). */
  private restart(watch: Watch, resource: ResourceRef, spec: MonitorSpec, overBudget: boolean): void {
    const { rt } = this;
    const { group } = watch;
    this.jobs.queueRemote('monitor_restart', async () => {
      if (!this.isCurrent(watch)) return;
      const health = this.healthOf(group.key);
      health.budget.record(rt.options.clock.now());
      health.restarts++;
      health.lastRestartAt = this.wallTime();
      const used = health.budget.used(rt.options.clock.now(), spec.windowMs);
      const count = overBudget ? 'no peer can take the group' : `restart ${used} of ${spec.restarts} within ${formatDuration(spec.windowMs)}`;
      rt.log.warn(`Restarting ${resource.spec} of resource group ${group.key} in place (${count})`, { group: group.key, resource: resource.spec });
      const outcome = await rt.restartFrom(group, resource);
      rt.run(() => {
        if (!this.isCurrent(watch)) return;
        if (outcome.ok) {
          rt.log.info(`Resource group ${group.key} runs again after the restart of ${resource.spec}.`, { group: group.key });
          watch.recovering = false;
          this.arm(watch);
          return;
        }
        const cause = `restart: ${outcome.operation} of ${outcome.resource} ${describeResult(outcome.result)}`;
        health.lastFailure = { resource: outcome.resource, cause, at: this.wallTime() };
        rt.log.error(`MONITOR_RESTART_FAILED: resource group ${group.key}: ${cause}`, { group: group.key, code: 'MONITOR_RESTART_FAILED' });
        this.handOver(watch, resource, spec, cause, 0);
      });
    });
  }

  /**
   * hb_standby for the group's set. It goes out once the layer is stable (the restart job that
   * failed is still counted until it ends); when no peer can take the group, it is restarted in
   * place instead, whatever the budget: a service here beats none.
   */
  private handOver(watch: Watch, resource: ResourceRef, spec: MonitorSpec, cause: string, tries: number): void {
    const { rt } = this;
    const { group } = watch;
    if (!this.isCurrent(watch)) return;
    if (!rt.isStable() && tries < HANDOVER_TRIES) {
      rt.later(HANDOVER_RETRY_MS, () => this.handOver(watch, resource, spec, cause, tries + 1));
      return;
    }
    const set = rt.isLocal(group) ? 'local' : 'foreign';
    const refusal = this.requests.requestStandby(set);
    if (refusal !== undefined) {
      rt.log.error(`MONITOR_NO_HANDOVER: resource group ${group.key} cannot go to the peer (${refusal}); restarting it here instead. Cause: ${cause}`, {
        group: group.key,
        code: 'MONITOR_NO_HANDOVER',
      });
      this.restart(watch, resource, spec, true);
      return;
    }
    const health = this.healthOf(group.key);
    health.handovers++;
    health.lastHandoverAt = this.wallTime();
    rt.log.crit(`MONITOR_HANDOVER: resource group ${group.key} goes to the peer (standby [${set}]): ${cause}`, { group: group.key, code: 'MONITOR_HANDOVER' });
    // Checks go on until the standby releases the group: a standby the peer never completes
    // leaves the group here, watched.
    watch.recovering = false;
    this.arm(watch);
  }
}

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
