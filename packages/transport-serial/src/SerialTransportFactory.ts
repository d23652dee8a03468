import { SerialPort } from 'serialport';
import { HaError } from '@heartline/core';
import type { MediaKind, MediaSpec, Transport, TransportContext, TransportFactory } from '@heartline/core';
import { BindingSerialPortOpener } from './BindingSerialPortOpener.js';
import { checkCharDevice } from './checkCharDevice.js';
import { heartbeatBaudRates } from './heartbeatBaudRates.js';
import { SerialTransport } from './SerialTransport.js';
import type { SerialBinding } from './SerialBinding.js';
import type { SerialPortOpener } from './SerialPortOpener.js';

/**
 * The plugin entry named in package.json (`heartline.transports.serial`): one SerialTransport per
 * device of every `serial` line. No constructor parameters, so any container can build it; it opens
 * real devices through serialport's detected binding (bindings-cpp on Linux).
 */
export class SerialTransportFactory implements TransportFactory {
  readonly kinds: readonly MediaKind[] = ['serial'];
  readonly opener: SerialPortOpener = new BindingSerialPortOpener(
    SerialPort.binding as unknown as SerialBinding,
    checkCharDevice,
  );

  create(spec: MediaSpec, context: TransportContext): Transport {
    if (spec.kind !== 'serial') {
      throw new HaError('INTERNAL', `the serial transport was asked to create a ${spec.kind} medium`);
    }
    if (!heartbeatBaudRates.includes(spec.baud)) {
      throw new HaError(
        'SERIAL_BAD_BAUD',
        `${spec.where.file}:${spec.where.line}: serial ${spec.device}: baud ${spec.baud} is not one of ${heartbeatBaudRates.join(', ')}`,
      );
    }
    return new SerialTransport(spec, context, this.opener);
  }
}
