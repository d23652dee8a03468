import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHaError } from '@heartline/core';
import type { ManualClock } from '@heartline/core';
import { harness } from './helpers/harness.js';
import { readSerialDirection, serialVectorsSkipReason } from './helpers/serialVectors.js';
import { settle } from './helpers/settle.js';

const skipVectors = serialVectorsSkipReason();
const status = Buffer.from('>>>\nt=status\nst=active\nsrc=node2\n<<<\n', 'latin1');

/** Advances to `atMs` timer by timer, settling the mock binding's ticks so opens complete where they fall. */
async function until(clock: ManualClock, atMs: number, afterEach: () => void = () => undefined): Promise<void> {
  await settle(3);
  while (clock.now() < atMs) {
    const next = clock.nextDueMs();
    clock.advanceTo(next === undefined || next > atMs ? atMs : Math.max(next, clock.now()));
    await settle(3);
    afterEach();
  }
}

test('received bytes become frames for the listeners; garbage is counted and warned about once', { skip: skipVectors }, async () => {
  const { stream, frames } = readSerialDirection('node2');
  const h = harness();
  await h.transport.open();
  h.line.receive('line noise after a reboot\r\n\x00\x7f\xff\n');
  for (let i = 0; i < stream.length; i += 97) h.line.receive(stream.subarray(i, i + 97));
  await settle(200);
  assert.equal(h.frames.length, frames.length);
  h.frames.forEach((f, k) => assert.ok(f.equals(frames[k] as Buffer), `frame ${k}`));
  const stats = h.transport.stats().reader;
  assert.equal(stats.garbageLines, 2);
  assert.equal(stats.frames, frames.length);
  assert.equal(h.sink.messages('warn').filter((m) => m.includes('not whole frames')).length, 1);
  assert.deepEqual(h.events, [{ kind: 'up' }]);
  await h.transport.close();
});

test('device missing at start: a catalogued error naming the ha.cf line, down, then up once it appears', async () => {
  const h = harness();
  h.line.present = false;
  const failure = await h.transport.open().then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(isHaError(failure));
  assert.equal(failure.code, 'SERIAL_DEVICE_MISSING');
  assert.equal(failure.message, `/etc/ha.d/ha.cf:12: serial ${h.device} does not exist`);
  assert.equal(failure.exitCode, 66);
  assert.deepEqual(h.events.map((e) => e.kind), ['down']);

  h.line.present = true;
  await until(h.clock, 1000 + 250);
  assert.equal(h.line.opens, 1, 'reopened in the background 250 ms later');
  assert.deepEqual(h.events.map((e) => e.kind), ['down'], 'open alone is not up: no bytes yet');
  h.line.receive(status);
  await settle();
  assert.deepEqual(h.events.map((e) => e.kind), ['down', 'up']);
  assert.deepEqual(h.frames, [status]);
  await h.transport.close();
});

test('a lost line goes down at once, is reopened with doubling backoff, and is up when bytes flow', async () => {
  const h = harness();
  await h.transport.open();
  h.line.receive(status);
  await settle();
  assert.deepEqual(h.events, [{ kind: 'up' }]);

  const lostAt = h.clock.now();
  await h.line.unplug();
  await settle();
  assert.equal(h.events.length, 2);
  const down = h.events[1];
  assert.ok(down?.kind === 'down' && /read failed/.test(down.reason));
  assert.ok(h.sink.messages('warn').some((m) => m.includes(`Serial line ${h.device} lost`)));

  // Failed attempts at +250, +750, +1750, +3750, +7750, then every 5 s (the cap).
  const attempts: number[] = [];
  let seen = h.line.failedOpens;
  await until(h.clock, lostAt + 13_000, () => {
    if (h.line.failedOpens !== seen) {
      seen = h.line.failedOpens;
      attempts.push(h.clock.now() - lostAt);
    }
  });
  assert.deepEqual(attempts, [250, 750, 1750, 3750, 7750, 12750]);

  h.line.present = true;
  await until(h.clock, lostAt + 17_750);
  assert.equal(h.line.opens, 2);
  assert.equal(h.events.length, 2, 'no up until the peer speaks');
  h.line.receive(status);
  await settle();
  assert.deepEqual(h.events.at(-1), { kind: 'up' });

  // Bytes flowed, so the backoff starts over at 250 ms.
  const lostAgain = h.clock.now();
  await h.line.unplug();
  h.line.present = true;
  await settle();
  await until(h.clock, lostAgain + 250);
  assert.equal(h.line.opens, 3);
  await h.transport.close();
});

test('a half-received frame is dropped when the line is lost, not glued to what comes after', async () => {
  const h = harness();
  await h.transport.open();
  h.line.receive('>>>\nt=status\nst=act');
  await settle();
  await h.line.unplug();
  h.line.present = true;
  await settle();
  await until(h.clock, h.clock.now() + 260);
  h.line.receive(Buffer.concat([Buffer.from('ive\n<<<\n'), status]));
  await settle();
  assert.deepEqual(h.frames, [status]);
  assert.equal(h.transport.stats().reader.partialFrames, 1);
  await h.transport.close();
});

test('close() stops the reopen attempts', async () => {
  const h = harness();
  h.line.present = false;
  await h.transport.open().catch(() => undefined);
  await h.transport.close();
  await until(h.clock, h.clock.now() + 10_000);
  assert.equal(h.line.failedOpens, 1);
  await assert.rejects(h.transport.send(status));
});
