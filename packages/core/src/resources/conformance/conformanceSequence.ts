import type { ConfigIssue } from '../../config/ConfigIssue.js';
import type { ResourceRef } from '../../config/ResourceRef.js';
import type { Clock } from '../../time/Clock.js';
import { describeResult, type AgentResult } from '../AgentResult.js';
import type { ResourceAgent, ValidateContext } from '../ResourceAgent.js';
import type { ConformanceRun } from './ConformanceRun.js';
import { formatMs } from './formatMs.js';
import type { MarkedCommandRunner } from './MarkedCommandRunner.js';
import { processesMarked, type MarkedProcess } from './processesMarked.js';

export interface SequenceOptions {
  readonly agent: ResourceAgent;
  readonly resource: ResourceRef;
  readonly failing: ResourceRef | undefined;
  readonly validateContext: ValidateContext;
  /** The runner marking the agent's commands, and this run's mark (each phase adds its own suffix). */
  readonly marks: { readonly runner: MarkedCommandRunner; readonly run: string };
  readonly settleMs: number;
  readonly clock: Clock;
  /** Filled with what the admin must see to: a resource that may still run, processes left. */
  readonly warnings: string[];
}

const is = (result: AgentResult, status: AgentResult['status']): boolean => result.status === status;

/**
 * The steps of a conformance run, in the order the checks are reported (see `conformanceChecks`).
 * Throws `RunStopped` (through `run.stop`) where going on would be unsafe or meaningless: a
 * resource that runs already, one whose configuration is refused, an agent that never answers.
 */
export async function conformanceSequence(run: ConformanceRun, o: SequenceOptions): Promise<void> {
  const r = o.resource;
  let issues: ConfigIssue[];
  try {
    issues = o.agent.validate(r, o.validateContext);
  } catch (error) {
    run.decide('validate', false, `validate threw (a bug of the agent): ${(error as Error).stack ?? String(error)}`);
    run.stop('validate threw');
  }
  const errors = issues.filter((i) => i.severity === 'error');
  run.decide('validate', errors.length === 0, issues.length === 0 ? 'no problem found' : issues.map((i) => `${i.severity} ${i.code}: ${i.message}`).join('; '));
  if (errors.length > 0) run.stop('validate found errors in the resource; fix them first');

  o.marks.runner.value = `${o.marks.run}-main`;
  const before = await run.op('status', r, 'status-before');
  run.decide('status-before', is(before, 'stopped'), run.answered());
  if (is(before, 'running')) {
    run.stop('it runs already: ha agent test starts and stops it, so it leaves a resource in use alone (stop it, or test on a node that does not hold it); if nothing runs, its status is wrong');
  }
  if (!is(before, 'stopped')) run.stop('status answered neither running nor stopped, so whether it runs cannot be told');

  let mayRun = false;
  try {
    run.decide('stop-never-started', is(await run.op('stop', r, 'stop-never-started'), 'stopped'), run.answered());

    mayRun = true;
    const started = await run.op('start', r, 'start');
    run.decide('start', is(started, 'running'), run.answered());
    let afterStart: AgentResult | undefined;
    if (is(started, 'running')) {
      afterStart = await run.op('status', r, 'status-after-start');
      run.decide('status-after-start', is(afterStart, 'running'), run.answered());
      const again = await run.op('start', r, 'start-again');
      const said = run.answered();
      const still = await run.op('status', r, 'start-again');
      run.decide('start-again', is(again, 'running') && is(still, 'running'), `start answered ${said}, then status ${run.answered()}`);
    } else {
      const why = 'not run: start did not answer running (the stops below clean up, as the daemon does after a failed start)';
      run.skip('status-after-start', why);
      run.skip('start-again', why);
    }

    const stopped = await run.op('stop', r, 'stop');
    run.decide('stop', is(stopped, 'stopped'), run.answered());
    const afterStop = await run.op('status', r, 'status-after-stop');
    run.decide('status-after-stop', is(afterStop, 'stopped'), run.answered());
    const stoppedAgain = await run.op('stop', r, 'stop-again');
    run.decide('stop-again', is(stoppedAgain, 'stopped'), run.answered());
    mayRun = !is(afterStop, 'stopped') || !(is(stopped, 'stopped') || is(stoppedAgain, 'stopped'));

    if (afterStart === undefined) run.skip('status-tells', 'not run: start failed, so status was never asked of a running resource');
    else {
      const tells = is(afterStart, 'running') && is(afterStop, 'stopped');
      run.decide('status-tells', tells, `stopped before start, ${describeResult(afterStart)} after start, ${describeResult(afterStop)} after stop`);
    }
    const left = await leftovers(o, 'main');
    run.decide('no-leftovers', left.length === 0, left.length === 0 ? 'none of the processes its commands started runs' : `still running: ${describeProcesses(left)}`);
    if (left.length > 0) o.warnings.push(`processes of ${r.spec} still run: ${describeProcesses(left)}; kill them by hand`);
  } finally {
    if (mayRun) o.warnings.push(`${r.spec} may still run on this node: its stop did not answer stopped; stop it by hand`);
  }

  await failedStart(run, o);

  const late = run.late();
  run.decide('timeouts', late.length === 0, late.length === 0 ? slowest(run) : late.join('; '));
}

/** Start of the failing resource must not answer running; the stop the daemon then sends must leave nothing. */
async function failedStart(run: ConformanceRun, o: SequenceOptions): Promise<void> {
  const f = o.failing;
  if (f === undefined) {
    run.skip('failed-start', 'not run: no failing resource was given (ha agent test --failing ARGS: arguments with which start fails)');
    return;
  }
  o.marks.runner.value = `${o.marks.run}-failing`;
  const started = await run.op('start', f, 'failed-start');
  const start = run.answered();
  const stopped = await run.op('stop', f, 'failed-start');
  const stop = run.answered();
  const status = await run.op('status', f, 'failed-start');
  const left = await leftovers(o, 'failing');
  const detail = `start of ${f.spec} answered ${start}; then stop ${stop}, status ${run.answered()}${left.length === 0 ? '' : `; still running: ${describeProcesses(left)}`}`;
  if (is(started, 'running')) {
    run.decide('failed-start', false, `${detail}: its start was to fail (give arguments with which start fails)`);
  } else {
    run.decide('failed-start', is(stopped, 'stopped') && is(status, 'stopped') && left.length === 0, detail);
  }
  if (!is(status, 'stopped') || !is(stopped, 'stopped')) o.warnings.push(`${f.spec} may still run on this node; stop it by hand`);
  if (left.length > 0) o.warnings.push(`processes of ${f.spec} still run: ${describeProcesses(left)}; kill them by hand`);
}

/** The processes of one phase still alive once `settleMs` has passed (a stop may return as they exit). */
async function leftovers(o: SequenceOptions, phase: string): Promise<MarkedProcess[]> {
  const deadlineMs = o.clock.now() + o.settleMs;
  for (;;) {
    const left = processesMarked(o.marks.runner.name, `${o.marks.run}-${phase}`);
    if (left.length === 0 || o.clock.now() >= deadlineMs) return left;
    await o.clock.sleep(50);
  }
}

function describeProcesses(processes: readonly MarkedProcess[]): string {
  return processes.map((p) => `pid ${p.pid} (${p.command})`).join(', ');
}

/** `start ≤ 12 ms of 120 s, stop ≤ 8 ms of 120 s, status ≤ 3 ms of 30 s`: the slowest of each operation. */
function slowest(run: ConformanceRun): string {
  return (['start', 'stop', 'status'] as const)
    .flatMap((operation) => {
      const ops = run.operations.filter((op) => op.operation === operation);
      if (ops.length === 0) return [];
      return [`${operation} ≤ ${formatMs(Math.max(...ops.map((op) => op.durationMs)))} of ${formatMs(ops[0]!.timeoutMs)}`];
    })
    .join(', ');
}
