import { MemorySink, StructuredLogger, SystemClock, type TransportContext } from '@heartline/core';

/** A context with a real clock and a logger whose records a test can read. */
export function testContext(): { context: TransportContext; sink: MemorySink } {
  const sink = new MemorySink();
  const clock = new SystemClock();
  return { context: { localNode: 'node1', clock, logger: new StructuredLogger([sink], clock) }, sink };
}
