// The test kit: fakes and conformance suites for plugin authors and Heartline's own tests.
export { ManualClock } from './time/ManualClock.js';
export { MemorySink } from './log/MemorySink.js';
export { e2eSkipReason } from './testing/e2eGate.js';
export { missingCommands } from './testing/missingCommands.js';
export { InMemoryNetwork, type InMemoryNetworkOptions } from './testing/InMemoryNetwork.js';
export { InMemoryTransport } from './testing/InMemoryTransport.js';
export { InMemoryTransportFactory } from './testing/InMemoryTransportFactory.js';
export { MemoryServices, type ServiceEvent } from './testing/MemoryServices.js';
export { agentContext } from './testing/agentContext.js';
export { resourceRef } from './testing/resourceRef.js';
export { StarAgent } from './testing/StarAgent.js';
export { ScriptedFencer, type ScriptedFencerOptions, type ScriptedFenceOutcome } from './testing/ScriptedFencer.js';
export { scriptedFencing } from './testing/scriptedFencing.js';
export { fenceContext, fenceDevice } from './testing/fenceContext.js';
export { starAgentPlugin } from './testing/starAgentPlugin.js';
export { AgentDriver } from './testing/AgentDriver.js';
export type { DriverAnswer } from './testing/DriverAnswer.js';
export type { DriverRequest } from './testing/DriverRequest.js';
export { serveAgentRequests, type ServeAgentRequestsOptions } from './testing/serveAgentRequests.js';
export { onLines } from './testing/onLines.js';
export { VethPair, type VethEnd } from './testing/VethPair.js';
// An agent's conformance run, as `ha agent test` does it, for a plugin's own tests.
export { checkAgentConformance } from './resources/conformance/checkAgentConformance.js';
export type { ConformanceOptions } from './resources/conformance/ConformanceOptions.js';
export type { ConformanceReport } from './resources/conformance/ConformanceReport.js';
export type { ConformanceCheck, ConformanceCheckId } from './resources/conformance/ConformanceCheck.js';
export { StaticAgentProvider } from './resources/StaticAgentProvider.js';
