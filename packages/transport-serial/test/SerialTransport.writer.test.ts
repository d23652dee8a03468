import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineTimeMs } from '../src/lineTimeMs.js';
import { harness } from './helpers/harness.js';
import { readSerialDirection, serialVectorsSkipReason } from './helpers/serialVectors.js';
import { settle } from './helpers/settle.js';

const skipVectors = serialVectorsSkipReason();

function numbered(seq: number, size = 203): Buffer {
  const head = `>>>\nt=status\nseq=${seq.toString(16)}\npad=`;
  const tail = '\n<<<\n';
  return Buffer.from(head + 'x'.repeat(size - head.length - tail.length) + tail, 'latin1');
}

async function run(clock: { advance(ms: number): void }, totalMs: number, stepMs = 10): Promise<void> {
  for (let t = 0; t < totalMs; t += stepMs) {
    clock.advance(stepMs);
    await settle(4);
  }
}

test('a long frame goes out in 512-byte pieces, each paced to the line time of the one before', async () => {
  const h = harness();
  await h.transport.open();
  const big = numbered(1, 1300);
  await h.transport.send(big);
  await settle();
  assert.equal(h.line.writes.length, 0, 'the break sent on open keeps the line quiet for 250 ms');
  h.clock.advance(250);
  await settle();
  assert.equal(h.line.writes.length, 1);
  const piece = lineTimeMs(512, 19200); // 266.7 ms: 512 bytes x 10 bits at 19200 baud
  h.clock.advance(piece - 1);
  await settle();
  assert.equal(h.line.writes.length, 1, 'no second piece before the first has left the wire');
  await run(h.clock, 600);
  assert.deepEqual(h.line.writes.map((w) => w.bytes.length), [512, 512, 276]);
  const [a, b, c] = h.line.writes.map((w) => w.atMs);
  assert.equal(a, 1250);
  assert.ok(Math.abs((b as number) - (a as number) - piece) < 10 && Math.abs((c as number) - (b as number) - piece) < 10);
  assert.ok(h.line.written().equals(big));
  assert.equal(h.transport.stats().writer.framesWritten, 1);
  await h.transport.close();
});

test('frames of a real heartbeat session reach the line byte for byte', { skip: skipVectors }, async () => {
  const { stream, frames } = readSerialDirection('node1');
  const h = harness({ maxQueueMs: 60_000 });
  await h.transport.open();
  for (const frame of frames) await h.transport.send(frame);
  await run(h.clock, lineTimeMs(stream.length, 19200) + 2000, 50);
  assert.ok(h.line.written().equals(stream), 'what we wrote equals what heartbeat node1 wrote');
  assert.ok(h.line.writes.every((w) => w.bytes.length <= 512));
  // The line never carries more than 19200 baud allows: the last byte leaves no earlier than that.
  const last = h.line.writes.at(-1);
  assert.ok(last !== undefined && last.atMs - 1250 >= lineTimeMs(stream.length - last.bytes.length, 19200) - 1);
  await h.transport.close();
});

test('a stalled line never blocks send(): bounded queue, oldest dropped and counted, one warning', async () => {
  const h = harness();
  await h.transport.open();
  h.line.stallWrites = true;
  const started = h.clock.now();
  for (let seq = 0; seq < 100; seq++) await h.transport.send(numbered(seq));
  assert.equal(h.clock.now(), started, 'send() returned without time passing');
  const stats = h.transport.stats().writer;
  // 2 s of line time at 19200 baud is 3840 bytes: 18 frames of 203 bytes wait, one is being written.
  assert.equal(stats.framesDroppedFull, 81);
  const warnings = h.sink.messages('warn').filter((m) => m.includes('cannot keep up'));
  assert.equal(warnings.length, 1, 'one rate-limited warning, not 81');

  h.clock.advance(250);
  await settle();
  assert.equal(h.line.writes.length, 1, 'frame 0 is stuck in the tty');
  h.clock.advance(500);
  await settle();
  assert.equal(h.transport.stats().writer.writeTimeouts, 1);
  assert.equal(h.line.flushes, 1, 'heartbeat flushes the tty on a write timeout');
  assert.ok(h.sink.messages('warn').some((m) => m.startsWith(`TTY write timeout on [${h.device}]`)));

  h.line.release();
  await run(h.clock, 19 * lineTimeMs(203, 19200) + 500);
  const seqs = h.line.writes.map((w) => /seq=([0-9a-f]+)/.exec(w.bytes.toString('latin1'))?.[1]);
  assert.deepEqual(seqs, [0, ...Array.from({ length: 18 }, (_, k) => 82 + k)].map((n) => n.toString(16)));
  await h.transport.close();
});

test('repeated write timeouts warn once an hour, like heartbeat', async () => {
  const h = harness();
  await h.transport.open();
  h.line.stallWrites = true;
  for (let seq = 0; seq < 3; seq++) {
    await h.transport.send(numbered(seq));
    await run(h.clock, 800, 50);
    h.line.release();
    h.line.stallWrites = true;
    await settle();
  }
  assert.equal(h.transport.stats().writer.writeTimeouts, 3);
  assert.equal(h.sink.messages('warn').filter((m) => m.startsWith('TTY write timeout')).length, 1);
  await h.transport.close();
});

test('frames sent while the line is down are dropped and counted, not queued for later', async () => {
  const h = harness();
  await h.transport.open();
  await h.line.unplug();
  await settle();
  await h.transport.send(numbered(1));
  await h.transport.send(numbered(2));
  assert.equal(h.transport.stats().writer.framesDroppedDown, 2);
  h.line.present = true;
  await run(h.clock, 1000);
  assert.equal(h.line.opens, 2);
  assert.equal(h.line.writes.length, 0, 'nothing stale is written after the reopen');
  await h.transport.close();
});
