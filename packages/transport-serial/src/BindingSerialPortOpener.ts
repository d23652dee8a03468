import { SerialOpenFailure } from './SerialOpenFailure.js';
import type { SerialBinding } from './SerialBinding.js';
import type { SerialPortHandle } from './SerialPortHandle.js';
import type { SerialPortOpener } from './SerialPortOpener.js';

/**
 * Opens a line through one of serialport's bindings with heartbeat's settings (serial.c ttysetup):
 * raw, 8N1, CREAD|CLOCAL, no XON/XOFF, and CRTSCTS, because heartbeat's own end asserts and obeys
 * RTS/CTS and a real null-modem cable wires them. On a pty the kernel ignores CRTSCTS, so the same
 * setting works for socat cables. `lock` takes an exclusive flock, serialport's stand-in for
 * heartbeat's UUCP lock file. ISTRIP and IGNCR are applied by ClassicFrameReader, since serialport
 * offers no input flags.
 */
export class BindingSerialPortOpener implements SerialPortOpener {
  constructor(
    private readonly binding: SerialBinding,
    private readonly checkDevice: (device: string) => Promise<void>,
    private readonly rtscts = true,
  ) {}

  async open(device: string, baud: number): Promise<SerialPortHandle> {
    await this.checkDevice(device);
    try {
      return await this.binding.open({
        path: device,
        baudRate: baud,
        dataBits: 8,
        stopBits: 1,
        parity: 'none',
        rtscts: this.rtscts,
        xon: false,
        xoff: false,
        xany: false,
        lock: true,
      });
    } catch (error) {
      throw classify(error);
    }
  }
}

/** The bindings report errno only inside the message text ("No such file or directory, cannot open …"). */
function classify(error: unknown): SerialOpenFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/no such file|does not exist|ENOENT|no such device/i.test(text)) {
    return new SerialOpenFailure('missing', `does not exist (${text})`, { cause: error });
  }
  if (/inappropriate ioctl|ENOTTY|not a typewriter/i.test(text)) {
    return new SerialOpenFailure('not-a-tty', `is not a terminal (${text})`, { cause: error });
  }
  return new SerialOpenFailure('failed', `cannot be opened: ${text}`, { cause: error });
}
