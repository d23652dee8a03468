import type { ResourceRef } from '../../config/ResourceRef.js';
import type { MemorySink } from '../../log/MemorySink.js';
import type { Logger } from '../../log/Logger.js';
import type { Clock } from '../../time/Clock.js';
import type { AgentContext } from '../AgentContext.js';
import { describeResult, type AgentResult, type ResourceOperation } from '../AgentResult.js';
import type { OperationTimeouts } from '../OperationTimeouts.js';
import type { ResourceAgent } from '../ResourceAgent.js';
import type { ConformanceCheck, ConformanceCheckId } from './ConformanceCheck.js';
import { conformanceChecks } from './conformanceChecks.js';
import type { ConformanceOperation } from './ConformanceOperation.js';
import { formatMs } from './formatMs.js';

/** Thrown to end a run early; the report says why. */
export class RunStopped extends Error {}

export interface ConformanceRunOptions {
  readonly agent: ResourceAgent;
  /** Every field of the operations' context but the logger and the timeout. */
  readonly context: Omit<AgentContext, 'logger' | 'timeoutMs'>;
  readonly logger: Logger;
  readonly sink: MemorySink;
  readonly clock: Clock;
  readonly timeouts: OperationTimeouts;
  readonly graceMs: number;
  readonly onCheck?: ((check: ConformanceCheck) => void) | undefined;
  readonly onOperation?: ((operation: ConformanceOperation) => void) | undefined;
}

const HUNG = Symbol('hung');

/**
 * The state of one conformance run: asks the agent one operation at a time (giving up on one that
 * outlasts its timeout and the grace), keeps every answer, and decides checks in report order.
 */
export class ConformanceRun {
  readonly operations: ConformanceOperation[] = [];
  private readonly decided = new Map<ConformanceCheckId, ConformanceCheck>();
  private stoppedEarly: string | undefined;
  private hung = false;

  constructor(private readonly options: ConformanceRunOptions) {}

  /** One operation on `resource` for check `check`; when the agent never answers, `check` fails and the run stops. */
  async op(operation: ResourceOperation, resource: ResourceRef, check: ConformanceCheckId): Promise<AgentResult> {
    const { agent, clock, sink, timeouts, graceMs } = this.options;
    const timeoutMs = timeouts[operation];
    const context: AgentContext = { ...this.options.context, logger: this.options.logger.child({ resource: resource.spec }), timeoutMs };
    const firstLog = sink.records.length;
    const startedMs = clock.now();
    const giveUp = new AbortController();
    const answer = await Promise.race([
      agent[operation](resource, context).catch((error: unknown): AgentResult => ({ status: 'failed', reason: `agent error: ${(error as Error).message ?? String(error)}` })),
      clock.sleep(timeoutMs + graceMs, giveUp.signal).then((): typeof HUNG => HUNG, (): typeof HUNG => HUNG),
    ]);
    giveUp.abort();
    const record: ConformanceOperation = {
      operation,
      resource: resource.spec,
      result: answer === HUNG ? undefined : answer,
      durationMs: clock.now() - startedMs,
      timeoutMs,
      logs: sink.records.slice(firstLog).map((r) => `${r.level}: ${r.message}`),
    };
    this.operations.push(record);
    this.options.onOperation?.(record);
    if (answer === HUNG) {
      this.hung = true;
      this.decide(check, false, `${operation} did not return within ${formatMs(timeoutMs + graceMs)} (its timeout ${formatMs(timeoutMs)} and ${formatMs(graceMs)} more)`);
      this.stop(`the agent did not return from ${operation}: it may still be working on it`);
    }
    return answer;
  }

  /** `result in 12 ms` of the last operation. */
  answered(): string {
    const last = this.operations[this.operations.length - 1];
    if (last === undefined) return 'no operation yet';
    return `${last.result === undefined ? 'no answer' : describeResult(last.result)} in ${formatMs(last.durationMs)}`;
  }

  decide(id: ConformanceCheckId, pass: boolean, detail: string): void {
    this.record({ id, title: conformanceChecks[id], verdict: pass ? 'pass' : 'fail', detail });
  }

  skip(id: ConformanceCheckId, why: string): void {
    this.record({ id, title: conformanceChecks[id], verdict: 'skip', detail: why });
  }

  /** Ends the run here: every check not decided yet is reported as not run, for `reason`. */
  stop(reason: string): never {
    this.stoppedEarly ??= reason;
    throw new RunStopped(reason);
  }

  /** The checks in report order, deciding what the run did not reach. */
  finish(): { readonly checks: ConformanceCheck[]; readonly stoppedEarly: string | undefined } {
    const ids = Object.keys(conformanceChecks) as ConformanceCheckId[];
    for (const id of ids) {
      if (this.decided.has(id)) continue;
      const late = id === 'timeouts' ? this.late() : [];
      if (this.hung && id === 'timeouts') this.decide(id, false, 'an operation did not return (above)');
      else if (late.length > 0) this.decide(id, false, late.join('; '));
      else this.skip(id, `not run: ${this.stoppedEarly ?? 'the run ended early'}`);
    }
    return { checks: ids.map((id) => this.decided.get(id)!), stoppedEarly: this.stoppedEarly };
  }

  /** `start took 2.1 s of 2 s` for each operation that timed out or took longer than its timeout. */
  late(): string[] {
    return this.operations
      .filter((op) => op.result === undefined || op.result.status === 'timed-out' || op.durationMs > op.timeoutMs)
      .map((op) => `${op.operation} took ${formatMs(op.durationMs)} of ${formatMs(op.timeoutMs)}`);
  }

  private record(check: ConformanceCheck): void {
    if (this.decided.has(check.id)) return;
    this.decided.set(check.id, check);
    this.options.onCheck?.(check);
  }
}
