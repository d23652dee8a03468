/** Why a device did not open, sorted into what an admin can act on. */
export type SerialOpenFailureKind = 'missing' | 'not-a-tty' | 'failed';

/**
 * Thrown by a SerialPortOpener; the transport turns it into the catalogued HaError. The message is
 * the predicate only ("does not exist"): the transport puts the ha.cf line and device before it.
 */
export class SerialOpenFailure extends Error {
  readonly isSerialOpenFailure = true;

  constructor(
    readonly kind: SerialOpenFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SerialOpenFailure';
  }
}
