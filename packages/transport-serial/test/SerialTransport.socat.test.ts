import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { MemorySink, StructuredLogger, SystemClock } from '@heartline/core';
import type { MediumEvent } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { lineTimeMs } from '../src/lineTimeMs.js';
import { SerialTransport } from '../src/SerialTransport.js';
import { SerialTransportFactory } from '../src/SerialTransportFactory.js';
import { readSerialDirection, serialVectorsSkipReason } from './helpers/serialVectors.js';
import { SocatCable } from '../src/testing.js';

const skip = e2eSkipReason({ root: false, commands: ['socat'] }) ?? serialVectorsSkipReason();

function endpoint(device: string, clock: SystemClock, options: ConstructorParameters<typeof SerialTransport>[3] = {}) {
  const sink = new MemorySink();
  const transport = new SerialTransport(
    { kind: 'serial', device, baud: 19200, where: { file: 'ha.cf', line: 9, column: 1 } },
    { localNode: 'test', clock, logger: new StructuredLogger([sink], clock) },
    new SerialTransportFactory().opener,
    options,
  );
  const frames: Buffer[] = [];
  const events: Array<MediumEvent & { atMs: number }> = [];
  transport.onFrame((frame) => frames.push(Buffer.from(frame)));
  transport.onMediumEvent((event) => events.push({ ...event, atMs: clock.now() }));
  return { transport, frames, events, sink };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const clock = new SystemClock();
  const until = clock.now() + timeoutMs;
  while (!condition()) {
    if (clock.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await clock.sleep(20);
  }
}

test('two transports on a socat pty cable exchange heartbeat 3.0.6 serial frames byte for byte; unplug gives down, replug up', { skip, timeout: 60_000 }, async () => {
  const clock = new SystemClock();
  const cable = new SocatCable();
  const node1 = readSerialDirection('node1');
  const node2 = readSerialDirection('node2');
  await cable.plug();
  const a = endpoint(cable.a, clock, { maxQueueMs: 60_000 });
  const b = endpoint(cable.b, clock, { maxQueueMs: 60_000 });
  try {
    await a.transport.open();
    await b.transport.open();
    const started = clock.now();
    for (const frame of node1.frames) await a.transport.send(frame);
    for (const frame of node2.frames) await b.transport.send(frame);
    await waitFor('both directions', () => b.frames.length >= node1.frames.length && a.frames.length >= node2.frames.length, 20_000);
    const elapsedMs = clock.now() - started;
    assert.ok(Buffer.concat(b.frames).equals(node1.stream), 'B received exactly the bytes heartbeat node1 wrote');
    assert.ok(Buffer.concat(a.frames).equals(node2.stream), 'A received exactly the bytes heartbeat node2 wrote');
    // Paced to 19200 baud even on a pty: the longer stream cannot arrive faster than the line carries it.
    const lineMs = lineTimeMs(Math.max(node1.stream.length, node2.stream.length) - 512, 19200);
    assert.ok(elapsedMs >= lineMs, `took ${elapsedMs.toFixed(0)} ms, line time ${lineMs.toFixed(0)} ms`);
    assert.deepEqual([a.events.map((e) => e.kind), b.events.map((e) => e.kind)], [['up'], ['up']]);
    assert.equal(a.transport.stats().reader.skippedBytes + b.transport.stats().reader.skippedBytes, 0);

    const pulledAt = clock.now();
    await cable.unplug();
    await waitFor('down on both ends', () => a.events.length === 2 && b.events.length === 2, 5000);
    for (const side of [a, b]) {
      const down = side.events[1];
      assert.equal(down?.kind, 'down');
      assert.ok((down?.atMs ?? Infinity) - pulledAt < 1000, 'down within a second of the pull');
    }

    await clock.sleep(600);
    await cable.plug();
    const ping = Buffer.from('>>>\nt=status\nst=active\n<<<\n', 'latin1');
    const sender = clock.setInterval(() => {
      void a.transport.send(ping);
      void b.transport.send(ping);
    }, 200);
    try {
      await waitFor('up on both ends after replug', () => a.events.length === 3 && b.events.length === 3, 15_000);
    } finally {
      sender.cancel();
    }
    assert.deepEqual([a.events.at(-1)?.kind, b.events.at(-1)?.kind], ['up', 'up']);
    await waitFor('frames after replug', () => a.frames.at(-1)?.equals(ping) === true && b.frames.at(-1)?.equals(ping) === true, 3000);
    assert.ok(a.transport.stats().reopens >= 1 && b.transport.stats().reopens >= 1);
  } finally {
    await a.transport.close();
    await b.transport.close();
    await cable.dispose();
  }
});

test('a missing device fails open with SERIAL_DEVICE_MISSING naming the ha.cf line; a regular file is SERIAL_NOT_A_TTY', { skip }, async () => {
  const clock = new SystemClock();
  const cable = new SocatCable();
  try {
    const missing = endpoint(`${cable.dir}/ttyNONE`, clock);
    await assert.rejects(missing.transport.open(), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, 'SERIAL_DEVICE_MISSING');
      assert.equal(error.message, `ha.cf:9: serial ${cable.dir}/ttyNONE does not exist`);
      return true;
    });
    await missing.transport.close();
    writeFileSync(`${cable.dir}/plain`, 'not a tty\n');
    const file = endpoint(`${cable.dir}/plain`, clock);
    await assert.rejects(file.transport.open(), { code: 'SERIAL_NOT_A_TTY' });
    await file.transport.close();
  } finally {
    await cable.dispose();
  }
});
