// The test kit of the apache agents, for agent-apache's netns tests (and the cluster tests to come):
// their driver process, for `AgentDriver` from `@heartline/core/testing`. Exported as
// `@heartline/agent-apache/testing`.
export { apacheDriverPath } from './testing/apacheDriverPath.js';
