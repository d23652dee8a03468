import type { SerialPortHandle } from './SerialPortHandle.js';

/** The options serialport's bindings take to open a port, narrowed to what heartbeat's line needs. */
export interface SerialBindingOpenOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 8;
  readonly stopBits: 1;
  readonly parity: 'none';
  readonly rtscts: boolean;
  readonly xon: false;
  readonly xoff: false;
  readonly xany: false;
  readonly lock: boolean;
}

/** serialport's binding layer (`SerialPort.binding`, `MockBinding`), as far as we use it. */
export interface SerialBinding {
  open(options: SerialBindingOpenOptions): Promise<SerialPortHandle>;
}
