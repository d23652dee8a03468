import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentContext } from '../../src/resources/AgentContext.js';
import type { AgentResult } from '../../src/resources/AgentResult.js';
import type { ResourceRef } from '../../src/config/ResourceRef.js';
import type { ResourceAgent } from '../../src/resources/ResourceAgent.js';
import type { ResourceInstance } from '../../src/resources/ResourceInstance.js';
import { StaticAgentProvider } from '../../src/resources/StaticAgentProvider.js';
import { agentResults } from '../../src/resources/agentResults.js';
import { checkAgentConformance } from '../../src/resources/conformance/checkAgentConformance.js';
import type { ConformanceOptions } from '../../src/resources/conformance/ConformanceOptions.js';
import type { ConformanceReport } from '../../src/resources/conformance/ConformanceReport.js';
import { resourceRef } from '../../src/testing/resourceRef.js';

/** What a faulty agent gets wrong, one switch per fault. */
interface Faults {
  readonly startOfRunningFails?: boolean;
  readonly stopOfStoppedFails?: boolean;
  readonly statusAlwaysRunning?: boolean;
  readonly startNeverReturns?: boolean;
  readonly validateError?: boolean;
  readonly statusTimesOut?: boolean;
}

/** An agent whose resources are names in a set: `Mem::NAME`; `Mem::fail` never starts. */
class MemoryAgent implements ResourceAgent {
  readonly type = 'Mem';
  readonly running = new Set<string>();
  constructor(private readonly faults: Faults = {}) {}

  validate(resource: ResourceRef) {
    if (this.faults.validateError !== true) return [];
    return [{ ...resource.where, code: 'RESOURCE_BAD_ARGUMENTS' as const, severity: 'error' as const, message: 'bad', hint: 'fix' }];
  }

  async start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const name = resource.args[0] ?? '';
    context.logger.info(`start ${name}`);
    if (this.faults.startNeverReturns === true) return new Promise(() => undefined);
    if (name === 'fail') return agentResults.failed('cannot start fail');
    if (this.running.has(name) && this.faults.startOfRunningFails === true) return agentResults.failed('already running', 1);
    this.running.add(name);
    return agentResults.running();
  }

  async stop(resource: ResourceInstance): Promise<AgentResult> {
    const name = resource.args[0] ?? '';
    if (!this.running.has(name) && this.faults.stopOfStoppedFails === true) return agentResults.failed('not running', 1);
    this.running.delete(name);
    return agentResults.stopped();
  }

  async status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    if (this.faults.statusTimesOut === true) return agentResults.timedOut(context.timeoutMs);
    if (this.faults.statusAlwaysRunning === true) return agentResults.running();
    return this.running.has(resource.args[0] ?? '') ? agentResults.running() : agentResults.stopped();
  }
}

const run = (agent: ResourceAgent, more: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> =>
  checkAgentConformance({ agents: new StaticAgentProvider([agent]), resource: resourceRef(`${agent.type}::svc`), ...more });
const verdicts = (report: ConformanceReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.verdict]));
const failed = (report: ConformanceReport) => report.checks.filter((c) => c.verdict === 'fail').map((c) => c.id);

test('a conformant agent passes every check; the failed-start check runs when a failing resource is given', async () => {
  const agent = new MemoryAgent();
  const seen: string[] = [];
  const report = await run(agent, { onCheck: (c) => seen.push(c.id) });
  assert.equal(report.ok, true, JSON.stringify(report.checks, null, 1));
  assert.deepEqual(seen, report.checks.map((c) => c.id), 'told of each check in report order');
  assert.deepEqual(report.checks.map((c) => c.id), [
    'validate', 'status-before', 'stop-never-started', 'start', 'status-after-start', 'start-again', 'stop', 'status-after-stop',
    'stop-again', 'status-tells', 'no-leftovers', 'failed-start', 'timeouts',
  ]);
  assert.deepEqual([report.passed, report.failed, report.skipped], [12, 0, 1]);
  assert.equal(report.checks.find((c) => c.id === 'failed-start')?.verdict, 'skip');
  assert.deepEqual(report.operations.map((o) => `${o.operation} ${o.result?.status}`), [
    'status stopped', 'stop stopped', 'start running', 'status running', 'start running', 'status running', 'stop stopped', 'status stopped', 'stop stopped',
  ]);
  assert.deepEqual(report.operations[2]?.logs, ['info: start svc']);
  assert.deepEqual(report.warnings, []);
  assert.equal(agent.running.size, 0, 'nothing left running');

  const withFailing = await run(new MemoryAgent(), { failing: resourceRef('Mem::fail') });
  assert.equal(withFailing.ok, true);
  assert.equal(withFailing.passed, 13);
  assert.match(withFailing.checks.find((c) => c.id === 'failed-start')?.detail ?? '', /^start of Mem::fail answered failed: cannot start fail in \d+ ms; then stop stopped/);
});

test('a start or stop that is not idempotent fails exactly the checks that ask for it', async () => {
  const report = await run(new MemoryAgent({ startOfRunningFails: true, stopOfStoppedFails: true }));
  assert.deepEqual(failed(report), ['stop-never-started', 'start-again', 'stop-again']);
  assert.match(report.checks.find((c) => c.id === 'stop-again')?.detail ?? '', /^failed \(exit 1\): not running in \d+ ms$/);
  assert.equal(report.ok, false);
});

test('a failing resource whose start runs fails the failed-start check and is stopped again', async () => {
  const agent = new MemoryAgent();
  const report = await run(agent, { failing: resourceRef('Mem::ok') });
  assert.deepEqual(failed(report), ['failed-start']);
  assert.match(report.checks.find((c) => c.id === 'failed-start')?.detail ?? '', /its start was to fail/);
  assert.equal(agent.running.size, 0);
});

test('a resource whose status says it runs before the test is left alone: the run stops there', async () => {
  const agent = new MemoryAgent({ statusAlwaysRunning: true });
  const report = await run(agent);
  assert.deepEqual(failed(report), ['status-before']);
  assert.deepEqual(report.operations.map((o) => o.operation), ['status'], 'not started, not stopped');
  assert.match(report.stoppedEarly ?? '', /^it runs already/);
  assert.equal(verdicts(report)['stop-never-started'], 'skip');
  assert.match(report.checks.find((c) => c.id === 'timeouts')?.detail ?? '', /^not run: it runs already/);
});

test('a status that times out before the test stops the run, and the timeouts check says so', async () => {
  const report = await run(new MemoryAgent({ statusTimesOut: true }), { timeouts: { status: 40 } });
  assert.deepEqual(failed(report), ['status-before', 'timeouts']);
  assert.match(report.checks.find((c) => c.id === 'timeouts')?.detail ?? '', /^status took \d+ ms of 40 ms$/);
  assert.match(report.stoppedEarly ?? '', /^status answered neither running nor stopped/);
});

test('validate errors stop the run before any operation', async () => {
  const report = await run(new MemoryAgent({ validateError: true }));
  assert.deepEqual(failed(report), ['validate']);
  assert.deepEqual(report.operations, []);
  assert.equal(report.checks.find((c) => c.id === 'validate')?.detail, 'error RESOURCE_BAD_ARGUMENTS: bad');
});

test('an agent that never returns from start fails start and timeouts, and the run ends with a warning', async () => {
  const report = await run(new MemoryAgent({ startNeverReturns: true }), { timeouts: { start: 30 }, graceMs: 20 });
  assert.deepEqual(failed(report), ['start', 'timeouts']);
  assert.equal(report.checks.find((c) => c.id === 'start')?.detail, 'start did not return within 50 ms (its timeout 30 ms and 20 ms more)');
  assert.equal(verdicts(report)['stop'], 'skip');
  assert.deepEqual(report.warnings, ['Mem::svc may still run on this node: its stop did not answer stopped; stop it by hand']);
  assert.equal(report.operations.at(-1)?.result, undefined);
});

/** Starts a detached `sleep` through the context's runner, as an init script starts a daemon, and never stops it. */
class LeakyAgent extends MemoryAgent {
  override async start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const pidFile = resource.args[0] ?? '';
    await context.commands.run({ file: 'sh', args: ['-c', `setsid sleep 60 </dev/null >/dev/null 2>&1 & echo $! > ${pidFile}`], timeoutMs: context.timeoutMs });
    return super.start(resource, context);
  }
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a process its commands started that outlives stop is found by the mark it inherited, with its pid', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-conformance-'));
  dirs.push(dir);
  const pidFile = join(dir, 'pid');
  const report = await checkAgentConformance({ agents: new StaticAgentProvider([new LeakyAgent()]), resource: resourceRef(`Mem::${pidFile}`), settleMs: 100 });
  const pids = readFileSync(pidFile, 'utf8').trim();
  try {
    assert.deepEqual(failed(report), ['no-leftovers']);
    const detail = report.checks.find((c) => c.id === 'no-leftovers')?.detail ?? '';
    // Started twice (start, then start of a running resource): both sleeps are still there.
    assert.match(detail, /^still running: pid \d+ \(sleep\), pid \d+ \(sleep\)$/);
    assert.ok(detail.includes(`pid ${pids} (sleep)`), detail);
    assert.match(report.warnings[0] ?? '', /^processes of Mem::.* still run: pid/);
  } finally {
    for (const m of (report.checks.find((c) => c.id === 'no-leftovers')?.detail ?? '').matchAll(/pid (\d+)/g)) {
      try {
        process.kill(Number(m[1]), 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
});
