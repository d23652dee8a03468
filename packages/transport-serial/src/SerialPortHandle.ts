/**
 * An open serial line as the transport uses it: the shape of serialport's binding ports
 * (`@serialport/bindings-cpp` for real devices, `@serialport/binding-mock` in tests).
 */
export interface SerialPortHandle {
  readonly isOpen: boolean;
  /** Resolves with at least one byte; rejects when the line fails or is closed. */
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number }>;
  /** Resolves once the kernel has taken every byte (not when they left the wire). */
  write(buffer: Buffer): Promise<void>;
  /** Discards what the kernel still holds, both ways (tcflush TCIOFLUSH). */
  flush(): Promise<void>;
  set(options: { brk?: boolean }): Promise<void>;
  close(): Promise<void>;
}
