// Runs the address agents inside a network namespace, for agent-ipaddr's netns tests and the ipaddr
// benchmark: `ip netns exec NS node agentDriverProcess.js` (AgentDriver spawns it). Node cannot enter
// a namespace itself, and netlink talks to the namespace of the process, so the agents live here. It
// lives as long as a daemon would, so the agents are warm as in `ha start`. One JSON request a line
// on stdin, one JSON answer a line on stdout; the times are the agent call's, in epoch ms.
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { ExecaCommandRunner, MemorySink, parseHaResources, StructuredLogger, SystemClock, type AgentContext } from '@heartline/core';
import { IpAddr2Agent, IpAddrAgent, Ipv6AddrAgent, systemEnvironment, type AddressAgent, type IpAddrEnvironment } from '../index.js';
import type { DriverRequest } from './DriverRequest.js';

const clock = new SystemClock();
const commands = new ExecaCommandRunner(clock, { killGraceMs: 300 });
const sink = new MemorySink();
const agents = new Map<string, AddressAgent>();
const classes = { IPaddr: IpAddrAgent, IPaddr2: IpAddr2Agent, IPv6addr: Ipv6AddrAgent };

/** One agent per type and hidden-tool set, kept for the driver's life (it remembers its ARP bursts). */
function agentFor(type: keyof typeof classes, hide: readonly string[]): AddressAgent {
  const key = `${type}/${hide.join(',')}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    const env: IpAddrEnvironment = { ...systemEnvironment, isExecutable: (p) => !hide.some((h) => p.endsWith(`/${h}`)) && systemEnvironment.isExecutable(p) };
    agent = new classes[type](env);
    agents.set(key, agent);
  }
  return agent;
}

const context: AgentContext = {
  nodeName: 'node1',
  logger: new StructuredLogger([sink], clock).child({ node: 'node1' }),
  clock,
  commands,
  timeoutMs: 10_000,
  haDir: '/etc/ha.d',
  initDir: '/etc/init.d',
  env: process.env['HA_RSCTMP'] === undefined ? {} : { HA_RSCTMP: process.env['HA_RSCTMP'] },
};

// Epoch ms on the kernel's wall clock, as tcpdump stamps frames (SystemClock.now() is performance.now()).
const wallMs = (): number => performance.timeOrigin + clock.now();

// As in a daemon that has run commands before: the runner's first command imports execa (~0.1 s).
await commands.run({ file: 'true', args: [], timeoutMs: 5000 });

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    const request = JSON.parse(line) as DriverRequest;
    const resource = parseHaResources(`node1 ${request.resource}\n`, 'haresources', ['node1']).groups[0]?.resources[0];
    if (resource === undefined || !(resource.type in classes)) throw new Error(`not an address resource: ${request.resource}`);
    const agent = agentFor(resource.type as keyof typeof classes, request.hide ?? []);
    const before = sink.records.length;
    const calledAtMs = wallMs();
    const result = request.op === 'validate' ? agent.validate(resource, context) : await agent[request.op](resource, context);
    const returnedAtMs = wallMs();
    const logs = sink.records.slice(before).map((r) => `${r.level}: ${r.message}`);
    process.stdout.write(`${JSON.stringify({ id: request.id, result, calledAtMs, returnedAtMs, logs })}\n`);
  });
});
