import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { FenceContext } from '../fencing/FenceContext.js';
import type { Fencer } from '../fencing/Fencer.js';
import type { FenceResult } from '../fencing/FenceResult.js';
import { fenceResults } from '../fencing/fenceResults.js';

/** What one scripted reset does: works, fails (`bad` or `badhost`), or never answers (the timeout decides). */
export type ScriptedFenceOutcome = 'ok' | 'bad' | 'badhost' | 'hang';

export interface ScriptedFencerOptions {
  /** The STONITH type it serves (default `scripted`). */
  readonly type?: string;
  /** Outcomes of the resets, in order; once used up, `then` (default `ok`). */
  readonly outcomes?: readonly ScriptedFenceOutcome[];
  readonly then?: ScriptedFenceOutcome;
  /** How long the device takes to answer, on the context's clock (default 0). */
  readonly durationMs?: number;
  /** What its status check says (default `ok`). */
  readonly status?: 'ok' | 'bad';
  /** Its own reset timeout (default: core's 120 s). */
  readonly resetTimeoutMs?: number;
  /**
   * What a reset that works does to the node before it answers (a simulator halts that node and
   * cuts its services' power), so that the takeover that follows meets a node that is really off.
   */
  readonly powerOff?: (node: string) => void | Promise<void>;
}

/**
 * A fencer whose resets come out as scripted, on the node's clock: for failover tests and the
 * simulator (success, failure, a device that hangs until the reset times out). Every reset is
 * recorded with the node, when it started and what it answered; an aborted one answers `bad`.
 */
export class ScriptedFencer implements Fencer {
  readonly type: string;
  readonly resetTimeoutMs?: number;
  readonly resets: Array<{ readonly node: string; readonly atMs: number; answer?: FenceResult }> = [];
  private readonly queue: ScriptedFenceOutcome[];

  constructor(private readonly options: ScriptedFencerOptions = {}) {
    this.type = options.type ?? 'scripted';
    this.queue = [...(options.outcomes ?? [])];
    if (options.resetTimeoutMs !== undefined) this.resetTimeoutMs = options.resetTimeoutMs;
  }

  /** Adds outcomes for the next resets. */
  plan(...outcomes: ScriptedFenceOutcome[]): void {
    this.queue.push(...outcomes);
  }

  validate(): Promise<ConfigIssue[]> {
    return Promise.resolve([]);
  }

  async reset(node: string, context: FenceContext): Promise<FenceResult> {
    const record: { node: string; atMs: number; answer?: FenceResult } = { node, atMs: context.clock.now() };
    this.resets.push(record);
    const outcome = this.queue.shift() ?? this.options.then ?? 'ok';
    const answer = await this.answer(outcome, node, context);
    record.answer = answer;
    return answer;
  }

  status(): Promise<FenceResult> {
    return Promise.resolve(this.options.status === 'bad' ? fenceResults.bad('the scripted device says it is broken') : fenceResults.ok());
  }

  private async answer(outcome: ScriptedFenceOutcome, node: string, context: FenceContext): Promise<FenceResult> {
    try {
      if (outcome === 'hang') await context.clock.sleep(Number.MAX_SAFE_INTEGER, context.signal);
      else if ((this.options.durationMs ?? 0) > 0) await context.clock.sleep(this.options.durationMs ?? 0, context.signal);
    } catch {
      return fenceResults.bad(`the reset of ${node} was stopped`);
    }
    if (outcome === 'bad') return fenceResults.bad(`the scripted device failed to reset ${node}`);
    if (outcome === 'badhost') return fenceResults.badHost(`the scripted device does not control ${node}`);
    await this.options.powerOff?.(node);
    return fenceResults.ok();
  }
}
