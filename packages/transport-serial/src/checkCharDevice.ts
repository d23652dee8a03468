import { stat } from 'node:fs/promises';
import { SerialOpenFailure } from './SerialOpenFailure.js';

/**
 * Heartbeat's own checks before it touches a serial line (serial.c serial_new): a full path that exists
 * and is a character device. `stat` follows symlinks, so a socat `link=` to a vanished pty reads as missing.
 */
export async function checkCharDevice(device: string): Promise<void> {
  if (!device.startsWith('/')) {
    throw new SerialOpenFailure('not-a-tty', 'is not a full pathname');
  }
  let isCharDevice: boolean;
  try {
    isCharDevice = (await stat(device)).isCharacterDevice();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new SerialOpenFailure('missing', 'does not exist', { cause: error });
    }
    throw new SerialOpenFailure('failed', `cannot be examined: ${(error as Error).message}`, { cause: error });
  }
  if (!isCharDevice) throw new SerialOpenFailure('not-a-tty', 'is not a character device');
}
