import type { Logger } from '../log/Logger.js';
import type { CommandRunner } from '../resources/CommandRunner.js';
import type { Clock } from '../time/Clock.js';
import type { FenceConfirmations } from './FenceConfirmations.js';
import type { FenceContext } from './FenceContext.js';
import type { FenceDevice } from './FenceDevice.js';
import type { Fencer } from './Fencer.js';
import type { FenceResult } from './FenceResult.js';
import { fenceResults } from './fenceResults.js';
import type { Fencing } from './Fencing.js';
import { fencingDefaults } from './fencingDefaults.js';

export interface DeviceFencingOptions {
  readonly fencer: Fencer;
  readonly device: FenceDevice;
  readonly nodeName: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly commands: CommandRunner;
  readonly env: Readonly<Record<string, string>>;
  readonly stonithPluginDir: string;
  readonly confirmations: FenceConfirmations;
  /** Overrides the fencer's resetTimeoutMs. */
  readonly resetTimeoutMs?: number;
  readonly statusTimeoutMs?: number;
}

/**
 * A fencer bound to the device ha.cf configures, as failover uses it. Each operation gets its
 * context and a deadline: past it (or when the caller aborts) the operation's signal aborts and it
 * counts as `bad` whether or not the fencer noticed, so a hung device never holds the takeover
 * decision for ever. A fencer that throws counts as `bad` too (and is logged: that is a bug).
 */
export class DeviceFencing implements Fencing {
  private readonly logger: Logger;

  constructor(private readonly options: DeviceFencingOptions) {
    this.logger = options.logger.child({ fencer: options.device.type });
  }

  get device(): string {
    return this.options.device.type;
  }

  reset(node: string, signal: AbortSignal): Promise<FenceResult> {
    const { fencer } = this.options;
    const timeoutMs = this.options.resetTimeoutMs ?? fencer.resetTimeoutMs ?? fencingDefaults.resetTimeoutMs;
    // cluster-glue lowercases the node name before the device sees it (stonith_req_reset).
    return this.run(`reset of ${node}`, timeoutMs, signal, (context) => fencer.reset(node.toLowerCase(), context));
  }

  status(signal: AbortSignal): Promise<FenceResult> {
    const { fencer } = this.options;
    if (fencer.status === undefined) return Promise.resolve(fenceResults.ok());
    const timeoutMs = this.options.statusTimeoutMs ?? fencingDefaults.statusTimeoutMs;
    return this.run('status check', timeoutMs, signal, (context) => fencer.status?.(context) ?? Promise.resolve(fenceResults.ok()));
  }

  awaitingConfirmation(node: string): boolean {
    return this.options.confirmations.isWaiting(node);
  }

  private async run(what: string, timeoutMs: number, outer: AbortSignal, operation: (context: FenceContext) => Promise<FenceResult>): Promise<FenceResult> {
    const o = this.options;
    if (outer.aborted) return fenceResults.bad(`the ${what} was cancelled before it started`);
    const controller = new AbortController();
    let why = '';
    const stop = (reason: string): void => {
      if (controller.signal.aborted) return;
      why = reason;
      controller.abort(new Error(reason));
    };
    const onOuterAbort = (): void => stop(`the ${what} was cancelled`);
    outer.addEventListener('abort', onOuterAbort, { once: true });
    const limited = Number.isFinite(timeoutMs);
    const timer = limited ? o.clock.setTimeout(() => stop(`the ${what} timed out after ${timeoutMs} ms`), timeoutMs) : undefined;
    const context: FenceContext = {
      device: o.device,
      nodeName: o.nodeName,
      logger: this.logger,
      clock: o.clock,
      commands: o.commands,
      env: o.env,
      stonithPluginDir: o.stonithPluginDir,
      confirmations: o.confirmations,
      timeoutMs: limited ? timeoutMs : Number.MAX_SAFE_INTEGER,
      signal: controller.signal,
    };
    const aborted = new Promise<FenceResult>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve(fenceResults.bad(why)), { once: true });
    });
    try {
      const attempt = operation(context).catch((error: unknown) => {
        this.logger.error(`${o.device.type}: the ${what} threw: ${(error as Error).stack ?? String(error)}`);
        return fenceResults.bad(`the fencer failed: ${(error as Error).message ?? String(error)}`);
      });
      return await Promise.race([attempt, aborted]);
    } finally {
      timer?.cancel();
      outer.removeEventListener('abort', onOuterAbort);
      // Whatever the fencer still runs (a hung command) is told to stop.
      stop(`the ${what} is over`);
    }
  }
}
