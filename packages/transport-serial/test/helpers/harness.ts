import { ManualClock, MemorySink, StructuredLogger } from '@heartline/core';
import type { MediumEvent } from '@heartline/core';
import { SerialTransport, type SerialMediaSpec } from '../../src/SerialTransport.js';
import type { SerialTransportOptions } from '../../src/SerialTransportOptions.js';
import { MockLine } from './MockLine.js';

let serial = 0;

/** A SerialTransport on a mock line with a ManualClock, recording frames, medium events and logs. */
export function harness(options: Partial<SerialTransportOptions> = {}, baud = 19200) {
  const clock = new ManualClock(1000);
  const sink = new MemorySink();
  const logger = new StructuredLogger([sink], clock);
  const device = `/dev/ttyMOCK${++serial}`;
  const line = new MockLine(device, clock);
  const spec: SerialMediaSpec = { kind: 'serial', device, baud, where: { file: '/etc/ha.d/ha.cf', line: 12, column: 1 } };
  const transport = new SerialTransport(spec, { localNode: 'node1', clock, logger }, line, options);
  const frames: Buffer[] = [];
  const events: MediumEvent[] = [];
  transport.onFrame((frame, from) => {
    if (from !== device) throw new Error(`frame from ${from}`);
    frames.push(Buffer.from(frame));
  });
  transport.onMediumEvent((event) => events.push(event));
  return { clock, sink, line, spec, transport, frames, events, device };
}
