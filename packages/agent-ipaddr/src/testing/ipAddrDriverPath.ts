import { fileURLToPath } from 'node:url';

/** The address agents' driver process, for core's `AgentDriver`: `new AgentDriver(ipAddrDriverPath, ns, env)`. */
export const ipAddrDriverPath = fileURLToPath(new URL('./agentDriverProcess.js', import.meta.url));
