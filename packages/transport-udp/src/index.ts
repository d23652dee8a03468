export { UdpTransportFactory } from './UdpTransportFactory.js';
export type { UdpEnvironment } from './UdpEnvironment.js';
export { nodeUdpEnvironment } from './nodeUdpEnvironment.js';
export { BcastTransport } from './BcastTransport.js';
export { McastTransport } from './McastTransport.js';
export { UcastTransport } from './UcastTransport.js';
