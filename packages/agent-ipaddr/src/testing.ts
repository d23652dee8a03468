// The test kit of the address agents, for agent-ipaddr's netns tests and the ipaddr benchmark: their
// driver process (for `AgentDriver` from `@heartline/core/testing`) and ARP watched on the wire.
// Exported as `@heartline/agent-ipaddr/testing`.
export { ipAddrDriverPath } from './testing/ipAddrDriverPath.js';
export type { ArpFrame } from './testing/ArpFrame.js';
export { ArpWatch } from './testing/ArpWatch.js';
