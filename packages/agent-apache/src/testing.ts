// The test kit of the apache agents: the agents driven in a network namespace, for agent-apache's
// netns tests (and the cluster tests to come). Exported as `@heartline/agent-apache/testing`.
export { AgentDriver } from './testing/AgentDriver.js';
export type { DriverAnswer } from './testing/DriverAnswer.js';
export type { DriverRequest } from './testing/DriverRequest.js';
export { onLines } from './testing/onLines.js';
