import type { Fencing } from '../fencing/Fencing.js';
import { fencingDefaults } from '../fencing/fencingDefaults.js';
import type { FenceResult } from '../fencing/FenceResult.js';
import type { FencingStatus } from '../fencing/FencingStatus.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { ResourceJobs } from './ResourceJobs.js';

interface PendingReset {
  readonly node: string;
  readonly sinceMs: number;
  attempts: number;
  lastError: string | undefined;
  cancelled: boolean;
  controller: AbortController | undefined;
}

/**
 * heartbeat's STONITH children (Initiate_Reset, StonithProcessDied, StonithStatProc): a dead peer
 * that may hold resources is reset before its groups are taken. Each attempt is a resource job (so
 * the node counts as in transition while it runs) that sends `stonith node=X result=OK|bad|badhost`;
 * only `OK` lets the takeover go ahead, a failure is retried every 5 s for as long as the peer
 * stays dead. The device's status is checked at comm-up and then hourly.
 */
export class StonithResets {
  private readonly pending = new Map<string, PendingReset>();
  private lastCheck: FencingStatus['lastCheck'];
  private checking: AbortController | undefined;

  constructor(
    private readonly rt: FailoverRuntime,
    private readonly jobs: ResourceJobs,
    private readonly fencing: Fencing | undefined,
    /** takeover_from_node, once the reset worked. */
    private readonly takeover: (node: string) => void,
  ) {}

  get configured(): boolean {
    return this.fencing !== undefined;
  }

  /** Initiate_Reset(node): reset it, then take its groups over; retried until it works or the node is back. */
  reset(node: string): void {
    if (this.fencing === undefined || this.pending.has(node)) return;
    const entry: PendingReset = { node, sinceMs: this.rt.options.clock.now(), attempts: 0, lastError: undefined, cancelled: false, controller: undefined };
    this.pending.set(node, entry);
    this.attempt(entry);
  }

  /** The node is alive again (a status from it, a restart, a healed partition): no reset, no takeover. */
  nodeBack(node: string): void {
    const entry = this.pending.get(node);
    if (entry === undefined) return;
    this.rt.log.info(`STONITH of ${node} abandoned: ${node} is back.`);
    this.cancel(entry);
  }

  /** A shutdown or halt: every reset stops, whatever it was doing. */
  cancelAll(why: string): void {
    for (const entry of [...this.pending.values()]) {
      this.rt.log.info(`STONITH of ${entry.node} abandoned: ${why}.`);
      this.cancel(entry);
    }
    this.checking?.abort();
  }

  /** Comm is up: check the device now, then every hour. */
  commUp(): void {
    if (this.fencing !== undefined) this.checkStatus();
  }

  status(): FencingStatus | undefined {
    const fencing = this.fencing;
    if (fencing === undefined) return undefined;
    const clock = this.rt.options.clock;
    const iso = (ms: number): string => new Date(clock.wallTime().getTime() - (clock.now() - ms)).toISOString();
    return {
      device: fencing.device,
      resets: [...this.pending.values()].map((e) => ({
        node: e.node,
        attempts: e.attempts,
        since: iso(e.sinceMs),
        ...(e.lastError === undefined ? {} : { lastError: e.lastError }),
        awaitingConfirmation: fencing.awaitingConfirmation(e.node),
      })),
      ...(this.lastCheck === undefined ? {} : { lastCheck: this.lastCheck }),
    };
  }

  private cancel(entry: PendingReset): void {
    entry.cancelled = true;
    entry.controller?.abort();
    this.pending.delete(entry.node);
  }

  private attempt(entry: PendingReset): void {
    const fencing = this.fencing;
    if (fencing === undefined || entry.cancelled || this.rt.closed) return;
    entry.attempts++;
    const controller = new AbortController();
    entry.controller = controller;
    const { node } = entry;
    this.jobs.spawn(`STONITH ${node}`, async () => {
      this.rt.log.info(`Resetting node ${node} with [${fencing.device}]`);
      const result = await fencing.reset(node, controller.signal);
      this.rt.run(() => this.finished(entry, result));
    });
  }

  /** StonithProcessDied: take over after a reset that worked, else say so loudly and try again in 5 s. */
  private finished(entry: PendingReset, result: FenceResult): void {
    const { rt } = this;
    const { node } = entry;
    const device = this.fencing?.device ?? '?';
    if (entry.cancelled) return;
    if (result.status === 'ok') {
      rt.log.info(`node ${node} now reset.`);
      rt.post(M.stonith(node, 'OK'));
      this.pending.delete(node);
      this.takeover(node);
      return;
    }
    entry.lastError = result.reason;
    if (result.result === 'badhost') rt.log.error(`Device ${device} cannot reset host ${node}.`);
    else rt.log.error(`Host ${node} not reset!`);
    rt.post(M.stonith(node, result.result));
    rt.log.error(`FENCE_FAILED: resetting ${node} with [${device}] failed (attempt ${entry.attempts}): ${result.reason}`, { code: 'FENCE_FAILED', peer: node });
    if (entry.attempts === 1) {
      rt.log.crit(`${node}'s resource groups stay unserved until a reset of ${node} succeeds (or ${node} comes back); retrying every ${fencingDefaults.retryDelayMs / 1000} s.`, {
        code: 'FENCE_FAILED',
        peer: node,
      });
    }
    rt.log.error(`STONITH of ${node} failed.  Retrying...`);
    rt.later(fencingDefaults.retryDelayMs, () => this.attempt(entry));
  }

  /** StonithStatProc: not a resource job (heartbeat's status child does not hold stability). */
  private checkStatus(): void {
    const fencing = this.fencing;
    if (fencing === undefined || this.rt.closed) return;
    const { rt } = this;
    const controller = new AbortController();
    this.checking = controller;
    rt.log.info(`Checking status of STONITH device [${fencing.device}]`);
    void fencing.status(controller.signal).then((result) => {
      rt.run(() => {
        // Stopped by a shutdown or halt: not a verdict on the device.
        if (controller.signal.aborted) return;
        const at = rt.options.clock.wallTime().toISOString();
        if (result.status === 'ok') {
          this.lastCheck = { at, ok: true };
        } else {
          this.lastCheck = { at, ok: false, error: result.reason };
          rt.log.error('STONITH status operation failed.');
          rt.log.info('This may mean that the STONITH device has failed!');
          rt.log.error(`FENCE_STATUS_FAILED: STONITH device [${fencing.device}]: ${result.reason}`, { code: 'FENCE_STATUS_FAILED' });
        }
        rt.later(fencingDefaults.statusIntervalMs, () => this.checkStatus());
      });
    });
  }
}
