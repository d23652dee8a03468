// The test kit: fakes and conformance suites for plugin authors and Heartline's own tests.
export { ManualClock } from './time/ManualClock.js';
export { MemorySink } from './log/MemorySink.js';
export { e2eSkipReason } from './testing/e2eGate.js';
export { InMemoryNetwork, type InMemoryNetworkOptions } from './testing/InMemoryNetwork.js';
export { InMemoryTransport } from './testing/InMemoryTransport.js';
export { InMemoryTransportFactory } from './testing/InMemoryTransportFactory.js';
export { MemoryServices, type ServiceEvent } from './testing/MemoryServices.js';
