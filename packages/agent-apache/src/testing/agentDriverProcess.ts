// Runs the apache agents inside a network namespace, for agent-apache's netns tests:
// `ip netns exec NS node agentDriverProcess.js` (AgentDriver spawns it). Node cannot enter a
// namespace itself, and apache binds in the namespace of whoever starts it, so the agents live
// here, as long as a daemon would. One JSON request a line on stdin, one JSON answer a line on
// stdout; the times are the agent call's, in epoch ms.
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { ExecaCommandRunner, MemorySink, parseHaResources, StructuredLogger, SystemClock, type AgentContext } from '@heartline/core';
import { Apache2Agent, ApacheAgent, HttpdAgent, type ApacheServerAgent } from '../index.js';
import type { DriverRequest } from './DriverRequest.js';

const clock = new SystemClock();
const commands = new ExecaCommandRunner(clock, { killGraceMs: 300 });
const sink = new MemorySink();
const agents: Record<string, ApacheServerAgent> = { apache: new ApacheAgent(), apache2: new Apache2Agent(), httpd: new HttpdAgent() };

const context: AgentContext = {
  nodeName: 'node1',
  logger: new StructuredLogger([sink], clock).child({ node: 'node1' }),
  clock,
  commands,
  timeoutMs: Number(process.env['HL_TIMEOUT_MS'] ?? 20_000),
  haDir: process.env['HL_HA_DIR'] ?? '/etc/ha.d',
  initDir: '/etc/init.d',
  env: {},
};

// Epoch ms on the kernel's wall clock (SystemClock.now() is performance.now()).
const wallMs = (): number => performance.timeOrigin + clock.now();

// As in a daemon that has run commands before: the runner's first command imports execa (~0.1 s).
await commands.run({ file: 'true', args: [], timeoutMs: 5000 });

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    const request = JSON.parse(line) as DriverRequest;
    const resource = parseHaResources(`node1 ${request.resource}\n`, 'haresources', ['node1']).groups[0]?.resources[0];
    const agent = resource === undefined ? undefined : agents[resource.type];
    if (resource === undefined || agent === undefined) throw new Error(`not an apache resource: ${request.resource}`);
    const before = sink.records.length;
    const calledAtMs = wallMs();
    const result = request.op === 'validate' ? agent.validate(resource, context) : await agent[request.op](resource, context);
    const returnedAtMs = wallMs();
    const logs = sink.records.slice(before).map((r) => `${r.level}: ${r.message}`);
    process.stdout.write(`${JSON.stringify({ id: request.id, result, calledAtMs, returnedAtMs, logs })}\n`);
  });
});
