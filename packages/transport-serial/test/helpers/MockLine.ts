import { createRequire } from 'node:module';
import type { Clock } from '@heartline/core';
import { BindingSerialPortOpener } from '../../src/BindingSerialPortOpener.js';
import { SerialOpenFailure } from '../../src/SerialOpenFailure.js';
import type { SerialBinding } from '../../src/SerialBinding.js';
import type { SerialPortHandle } from '../../src/SerialPortHandle.js';
import type { SerialPortOpener } from '../../src/SerialPortOpener.js';

type MockPort = SerialPortHandle & { emitData(data: Buffer | string): void; recording: Buffer };

// @serialport/binding-mock's "exports" hide its typings from NodeNext resolution: load its CJS entry.
const { MockBinding } = createRequire(import.meta.url)('@serialport/binding-mock') as {
  MockBinding: SerialBinding & { createPort(path: string, options?: { record?: boolean }): void };
};

/** One recorded write: when it was issued (clock ms) and its bytes. */
export interface WriteRecord {
  readonly atMs: number;
  readonly bytes: Buffer;
}

/**
 * A serial device on @serialport/binding-mock that a test can plug in, unplug and stall: writes
 * are recorded with the clock time, `stallWrites` makes them hang (a line with CTS low) until `release`.
 */
export class MockLine implements SerialPortOpener {
  present = true;
  stallWrites = false;
  readonly writes: WriteRecord[] = [];
  flushes = 0;
  opens = 0;
  failedOpens = 0;
  port: MockPort | undefined;
  private stalled: Array<() => void> = [];
  private readonly opener: BindingSerialPortOpener;

  constructor(
    readonly device: string,
    private readonly clock: Clock,
  ) {
    MockBinding.createPort(device, { record: true });
    const check = async (): Promise<void> => {
      if (!this.present) throw new SerialOpenFailure('missing', 'does not exist');
    };
    this.opener = new BindingSerialPortOpener(MockBinding, check);
  }

  async open(device: string, baud: number): Promise<SerialPortHandle> {
    let port: MockPort;
    try {
      port = (await this.opener.open(device, baud)) as MockPort;
    } catch (error) {
      this.failedOpens++;
      throw error;
    }
    this.opens++;
    this.port = port;
    return {
      get isOpen() {
        return port.isOpen;
      },
      read: (buffer, offset, length) => port.read(buffer, offset, length),
      write: async (buffer) => {
        this.writes.push({ atMs: this.clock.now(), bytes: Buffer.from(buffer) });
        if (this.stallWrites) await new Promise<void>((resolve) => this.stalled.push(resolve));
        if (!port.isOpen) throw new Error('Port is not open');
        await port.write(buffer);
      },
      flush: async () => {
        this.flushes++;
        await port.flush();
      },
      set: (options) => port.set(options),
      close: () => port.close(),
    };
  }

  /** The peer sends these bytes. */
  receive(bytes: Buffer | string): void {
    if (this.port === undefined) throw new Error('not open');
    this.port.emitData(bytes);
  }

  /** The cable goes away: the open port fails (its pending read is cancelled) and the device vanishes. */
  async unplug(): Promise<void> {
    this.present = false;
    if (this.port?.isOpen) await this.port.close();
  }

  release(): void {
    this.stallWrites = false;
    for (const resolve of this.stalled.splice(0)) resolve();
  }

  written(): Buffer {
    return Buffer.concat(this.writes.map((w) => w.bytes));
  }
}
