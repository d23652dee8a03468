import type { SerialPortHandle } from './SerialPortHandle.js';

/**
 * Opens a device by path with heartbeat's line settings. Injected so unit tests run on
 * `@serialport/binding-mock`; fails with a SerialOpenFailure saying why.
 */
export interface SerialPortOpener {
  open(device: string, baud: number): Promise<SerialPortHandle>;
}
