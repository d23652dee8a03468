import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseHaResources } from '../config/parseHaResources.js';
import { MemorySink } from '../log/MemorySink.js';
import { StructuredLogger } from '../log/StructuredLogger.js';
import type { AgentContext } from '../resources/AgentContext.js';
import { ExecaCommandRunner } from '../resources/ExecaCommandRunner.js';
import type { ResourceAgent } from '../resources/ResourceAgent.js';
import { SystemClock } from '../time/SystemClock.js';
import type { DriverAnswer } from './DriverAnswer.js';
import type { DriverRequest } from './DriverRequest.js';

export interface ServeAgentRequestsOptions {
  /** The operations' timeout when the environment has no `HL_TIMEOUT_MS` (default 20 s). */
  readonly timeoutMs?: number;
  /** Read for `HL_TIMEOUT_MS`, `HL_HA_DIR` and the `HA_*` resource environment (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Requests, one JSON `DriverRequest` a line (default stdin). */
  readonly input?: Readable;
  /** Answers, one JSON `DriverAnswer` a line (default stdout). */
  readonly output?: Writable;
}

/**
 * The agent side of `AgentDriver`, for a plugin's driver process: reads one request a line, parses
 * its resource as haresources does (on node `node1`), asks `agentFor` for the agent of its type,
 * calls it and writes the answer: the result, when the agent was called and returned (epoch ms on
 * the kernel's wall clock, as tcpdump stamps frames) and what it logged meanwhile. One operation
 * at a time, in order, with one context for the driver's life: commands through an
 * `ExecaCommandRunner` (warmed first, as in a daemon that has run commands before), timeout
 * `HL_TIMEOUT_MS`, haDir `HL_HA_DIR` (default `/etc/ha.d`), env the `HA_*` variables. Resolves when
 * the input ends; rejects on a resource no agent serves (the driver process then exits with it).
 */
export async function serveAgentRequests(
  agentFor: (type: string, request: DriverRequest) => ResourceAgent | undefined,
  options: ServeAgentRequestsOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  const output = options.output ?? process.stdout;
  const clock = new SystemClock();
  const commands = new ExecaCommandRunner(clock, { killGraceMs: 300 });
  const sink = new MemorySink();
  const context: AgentContext = {
    nodeName: 'node1',
    logger: new StructuredLogger([sink], clock).child({ node: 'node1' }),
    clock,
    commands,
    timeoutMs: Number(env['HL_TIMEOUT_MS'] ?? options.timeoutMs ?? 20_000),
    haDir: env['HL_HA_DIR'] ?? '/etc/ha.d',
    initDir: '/etc/init.d',
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('HA_') && e[1] !== undefined)),
  };
  // SystemClock.now() is performance.now(): from the process's time origin.
  const wallMs = (): number => performance.timeOrigin + clock.now();

  // The runner's first command imports execa (~0.1 s).
  await commands.run({ file: 'true', args: [], timeoutMs: 5000 });

  for await (const line of createInterface({ input: options.input ?? process.stdin, crlfDelay: Infinity })) {
    const request = JSON.parse(line) as DriverRequest;
    const resource = parseHaResources(`node1 ${request.resource}\n`, 'haresources', ['node1']).groups[0]?.resources[0];
    const agent = resource === undefined ? undefined : agentFor(resource.type, request);
    if (resource === undefined || agent === undefined) throw new Error(`agent driver: no agent for ${JSON.stringify(request.resource)}`);
    const before = sink.records.length;
    const calledAtMs = wallMs();
    const result = request.op === 'validate' ? agent.validate(resource, context) : await agent[request.op](resource, context);
    const returnedAtMs = wallMs();
    const logs = sink.records.slice(before).map((r) => `${r.level}: ${r.message}`);
    const answer: DriverAnswer = { id: request.id, result, calledAtMs, returnedAtMs, logs };
    output.write(`${JSON.stringify(answer)}\n`);
  }
}
