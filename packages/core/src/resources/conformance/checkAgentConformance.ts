import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { container as rootContainer } from 'tsyringe';
import { MemorySink } from '../../log/MemorySink.js';
import { StructuredLogger } from '../../log/StructuredLogger.js';
import { nodeTokens } from '../../node/nodeTokens.js';
import { SystemClock } from '../../time/SystemClock.js';
import { ExecaCommandRunner } from '../ExecaCommandRunner.js';
import { defaultOperationTimeouts } from '../OperationTimeouts.js';
import type { ConformanceOptions } from './ConformanceOptions.js';
import type { ConformanceReport } from './ConformanceReport.js';
import { ConformanceRun, RunStopped } from './ConformanceRun.js';
import { conformanceSequence } from './conformanceSequence.js';
import { MarkedCommandRunner } from './MarkedCommandRunner.js';

/** The environment variable that marks the processes a run's commands start. */
export const CONFORMANCE_MARK = 'HEARTLINE_AGENT_TEST';

/**
 * Runs an agent through what the daemon asks of it at takeover, standby and failover, on this
 * machine, for real: status before anything, stop of a resource never started, start twice with
 * status after, stop twice with status after, the processes a stop leaves behind, a failed start
 * and its clean-up (with `failing`), every operation against its timeout. Reports every check;
 * never throws for what the agent answers (only when no agent serves the type).
 */
export async function checkAgentConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const clock = options.clock ?? new SystemClock();
  const nodeName = options.nodeName ?? 'node1';
  const sink = new MemorySink();
  const logger = new StructuredLogger([sink, ...(options.sinks ?? [])], clock).child({ node: nodeName });
  const commands = new MarkedCommandRunner(options.commands ?? new ExecaCommandRunner(clock), CONFORMANCE_MARK);
  const container = options.container ?? rootContainer.createChildContainer();
  if (options.container === undefined) {
    container.register(nodeTokens.clock, { useValue: clock });
    container.register(nodeTokens.logger, { useValue: logger });
    container.register(nodeTokens.nodeName, { useValue: nodeName });
  }
  const agent = await options.agents.agentFor(options.resource.type, container);
  const timeouts = { ...defaultOperationTimeouts, ...options.timeouts };
  const haDir = options.haDir ?? '/etc/ha.d';
  const initDir = options.initDir ?? '/etc/init.d';
  const env = options.env ?? {};
  const run = new ConformanceRun({
    agent,
    context: { nodeName, clock, commands, haDir, initDir, env },
    logger,
    sink,
    clock,
    timeouts,
    graceMs: options.graceMs ?? 5000,
    onCheck: options.onCheck,
    onOperation: options.onOperation,
  });
  const warnings: string[] = [];
  try {
    await conformanceSequence(run, {
      agent,
      resource: options.resource,
      failing: options.failing,
      validateContext: { haDir, initDir, env },
      marks: { runner: commands, run: randomUUID() },
      settleMs: options.settleMs ?? 1000,
      clock,
      warnings,
    });
  } catch (error) {
    if (!(error instanceof RunStopped)) throw error;
  }
  const { checks, stoppedEarly } = run.finish();
  const count = (verdict: string) => checks.filter((c) => c.verdict === verdict).length;
  return {
    resource: options.resource.spec,
    agent: agent.type,
    ok: count('fail') === 0,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    checks,
    operations: run.operations,
    timeouts,
    stoppedEarly,
    warnings,
  };
}
