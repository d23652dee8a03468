import type { Logger } from '../log/Logger.js';

/** What add_control_msg_fields needs to stamp an outgoing message. */
export interface ControlFieldsContext {
  readonly localNode: string;
  readonly localUuid: Uint8Array;
  readonly generation: number;
  readonly logger: Logger;
  /** Takes the next sequence number (first = 1). Called only for messages that get one. */
  nextSeq(): number;
  /** `time(NULL)`: wall-clock seconds. */
  wallSeconds(): number;
  /** First line of /proc/loadavg, or `n/a`. */
  loadAverage(): string;
  /** hopfudge + number of nodes in the table. */
  ttl(): number;
  uuidOf(name: string): Uint8Array | undefined;
  nameOf(uuid: Uint8Array): string | undefined;
}
