// The test kit of the serial transport: a null-modem cable for tests that need a real tty.
export { SocatCable } from './testing/SocatCable.js';
