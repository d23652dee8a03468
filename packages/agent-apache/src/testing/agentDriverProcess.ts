// Runs the apache agents inside a network namespace, for agent-apache's netns tests:
// `ip netns exec NS node agentDriverProcess.js` (core's AgentDriver spawns it, given
// `apacheDriverPath`; serveAgentRequests answers). apache binds in the namespace of whoever starts
// it, so the agents live here, as long as a daemon would. HL_TIMEOUT_MS (default 20 s) and
// HL_HA_DIR in the driver's environment set the operations' timeout and haDir.
import 'reflect-metadata';
import { serveAgentRequests } from '@heartline/core/testing';
import { Apache2Agent, ApacheAgent, HttpdAgent, type ApacheServerAgent } from '../index.js';

const agents = new Map<string, ApacheServerAgent>([
  ['apache', new ApacheAgent()],
  ['apache2', new Apache2Agent()],
  ['httpd', new HttpdAgent()],
]);

await serveAgentRequests((type) => agents.get(type));
