// Runs the address agents inside a network namespace, for agent-ipaddr's netns tests and the ipaddr
// benchmark: `ip netns exec NS node agentDriverProcess.js` (core's AgentDriver spawns it, given
// `ipAddrDriverPath`; serveAgentRequests answers). netlink talks to the namespace of the process, so
// the agents live here, as long as a daemon would: they are warm as in `ha start`. Operations time
// out after 10 s unless HL_TIMEOUT_MS says otherwise; HA_RSCTMP in the driver's environment is the agents'.
import 'reflect-metadata';
import { serveAgentRequests, type DriverRequest } from '@heartline/core/testing';
import { IpAddr2Agent, IpAddrAgent, Ipv6AddrAgent, systemEnvironment, type AddressAgent, type IpAddrEnvironment } from '../index.js';

const classes: Record<string, new (env: IpAddrEnvironment) => AddressAgent> = { IPaddr: IpAddrAgent, IPaddr2: IpAddr2Agent, IPv6addr: Ipv6AddrAgent };
const agents = new Map<string, AddressAgent>();

/** One agent per type and hidden-tool set (the request's `hide`), kept for the driver's life (it remembers its ARP bursts). */
function agentFor(type: string, request: DriverRequest): AddressAgent | undefined {
  const Agent = classes[type];
  if (Agent === undefined) return undefined;
  const hide = request.hide ?? [];
  const key = `${type}/${hide.join(',')}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = new Agent({ ...systemEnvironment, isExecutable: (p) => !hide.some((h) => p.endsWith(`/${h}`)) && systemEnvironment.isExecutable(p) });
    agents.set(key, agent);
  }
  return agent;
}

await serveAgentRequests(agentFor, { timeoutMs: 10_000 });
