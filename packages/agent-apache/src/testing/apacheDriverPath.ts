import { fileURLToPath } from 'node:url';

/** The apache agents' driver process, for core's `AgentDriver`: `new AgentDriver(apacheDriverPath, ns, env)`. */
export const apacheDriverPath = fileURLToPath(new URL('./agentDriverProcess.js', import.meta.url));
