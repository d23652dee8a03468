// The test kit of the address agents: the agents driven in a network namespace and ARP watched on the
// wire, for agent-ipaddr's netns tests and the ipaddr benchmark. Exported as `@heartline/agent-ipaddr/testing`.
export { AgentDriver } from './testing/AgentDriver.js';
export type { ArpFrame } from './testing/ArpFrame.js';
export { ArpWatch } from './testing/ArpWatch.js';
export type { DriverAnswer } from './testing/DriverAnswer.js';
export type { DriverRequest } from './testing/DriverRequest.js';
export { onLines } from './testing/onLines.js';
