import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClassicFrameReader } from '../src/ClassicFrameReader.js';
import { readSerialDirection, serialVectorsSkipReason } from './helpers/serialVectors.js';

const skipVectors = serialVectorsSkipReason();
const frame = (body: string): Buffer => Buffer.from(`>>>\n${body}<<<\n`, 'latin1');
const status = frame('t=status\nst=active\nsrc=node1\nseq=2a\nauth=1 18a75272932441b22e62b08d0d7b83056889d46f\n');

test('the real heartbeat 3.0.6 serial streams cut into exactly the messages the dump lists', { skip: skipVectors }, () => {
  for (const writer of ['node1', 'node2'] as const) {
    const { stream, frames } = readSerialDirection(writer);
    assert.ok(frames.length > 30, `${writer}: dump lists ${frames.length} messages`);
    const reader = new ClassicFrameReader();
    const got = reader.push(stream);
    assert.deepEqual(got.map((f) => Buffer.from(f).toString('latin1')), frames.map((f) => f.toString('latin1')), writer);
    assert.equal(Buffer.concat(got).length, stream.length, `${writer}: every byte belongs to a frame`);
    assert.equal(reader.stats.skippedBytes, 0);
    assert.equal(reader.stats.garbageLines, 0);
  }
});

test('frames come out the same however the line splits the bytes', { skip: skipVectors }, () => {
  const { stream, frames } = readSerialDirection('node2');
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 60 }), (sizes) => {
      const reader = new ClassicFrameReader();
      const got: Uint8Array[] = [];
      let offset = 0;
      for (let i = 0; offset < stream.length; i++) {
        const size = sizes[i % sizes.length] ?? 1;
        got.push(...reader.push(stream.subarray(offset, offset + size)));
        offset += size;
      }
      assert.equal(got.length, frames.length);
      got.forEach((f, k) => assert.ok(Buffer.from(f).equals(frames[k] as Buffer)));
    }),
    { numRuns: 50 },
  );
});

test('the 8th bit is stripped and CR ignored, like heartbeat tty ISTRIP and IGNCR', () => {
  const noisy = Buffer.from(status.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
  noisy[5] = (noisy[5] as number) | 0x80; // 't' with its parity bit set
  noisy[10] = (noisy[10] as number) | 0x80;
  const reader = new ClassicFrameReader();
  assert.deepEqual(reader.push(noisy).map((f) => Buffer.from(f)), [status]);
  assert.equal(reader.stats.skippedBytes, 0);
});

test('garbage between frames is skipped and counted, never delivered', () => {
  const reader = new ClassicFrameReader();
  const line = Buffer.concat([
    Buffer.from('\x00\x01noise from a modem\nATZ\n\n', 'latin1'),
    status,
    Buffer.from('>>>junk\n<<<\nmore\n', 'latin1'),
    status,
  ]);
  assert.deepEqual(reader.push(line).map((f) => Buffer.from(f)), [status, status]);
  assert.equal(reader.stats.frames, 2);
  assert.equal(reader.stats.garbageLines, 5); // noise, ATZ, >>>junk, <<<, more (the empty line is not garbage)
});

test('a frame cut short by a new >>> line is dropped and the new frame kept', () => {
  const reader = new ClassicFrameReader();
  const got = reader.push(Buffer.concat([Buffer.from('>>>\nt=status\nst=act\n', 'latin1'), status]));
  assert.deepEqual(got.map((f) => Buffer.from(f)), [status]);
  assert.equal(reader.stats.partialFrames, 1);
  assert.equal(reader.stats.skippedBytes, '>>>\nt=status\nst=act\n'.length);
});

test('a frame cut mid-line swallows the next one, as in heartbeat; the frame after that is intact', () => {
  // `st=act>>>` is one line, and `>>>` may legally occur inside a line (nested structs), so the cut
  // frame runs on to the next `<<<`: the codec then rejects that glued frame by its auth.
  const reader = new ClassicFrameReader();
  const got = reader.push(Buffer.concat([Buffer.from('>>>\nt=status\nst=act', 'latin1'), status, status]));
  assert.equal(got.length, 2);
  assert.ok(!Buffer.from(got[0] as Uint8Array).equals(status));
  assert.ok(Buffer.from(got[1] as Uint8Array).equals(status));
});

test('a bad end line (<<<junk) drops the frame, as heartbeat parser would', () => {
  const reader = new ClassicFrameReader();
  assert.equal(reader.push(Buffer.from('>>>\nt=status\n<<<x\n', 'latin1')).length, 0);
  assert.equal(reader.stats.partialFrames, 1);
  assert.equal(reader.push(status).length, 1);
});

test('a NUL ends what a line keeps, like heartbeat strnlen on its line buffer', () => {
  const reader = new ClassicFrameReader();
  const got = reader.push(Buffer.from('>>>\nt=status\x00garbage\nst=up\n<<<\n', 'latin1'));
  assert.deepEqual(got.map((f) => Buffer.from(f).toString('latin1')), ['>>>\nt=status\nst=up\n<<<\n']);
  assert.equal(reader.stats.skippedBytes, 8);
});

test('a frame without <<< is capped: dropped at maxFrameBytes, memory bounded, next frame read', () => {
  const reader = new ClassicFrameReader(1000);
  const endless = Buffer.alloc(100_000, 0x41);
  assert.equal(reader.push(Buffer.concat([Buffer.from('>>>\n'), endless])).length, 0);
  assert.equal(reader.push(endless).length, 0);
  assert.equal(reader.stats.oversizedFrames, 1);
  // The rest of the runaway line ends with a newline: then a good frame.
  assert.deepEqual(reader.push(Buffer.concat([Buffer.from('\n'), status])).map((f) => Buffer.from(f)), [status]);
  assert.equal(reader.stats.skippedBytes, 200_000 + 4 + 1);
  // A frame exactly at the cap still passes.
  const big = frame(`x=${'y'.repeat(1000 - 11)}\n`);
  assert.equal(big.length, 1000);
  assert.deepEqual(reader.push(big).map((f) => Buffer.from(f)), [big]);
});

test('whatever garbage precedes it, a frame after a newline is delivered intact', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 64 }), (garbage, step) => {
      const reader = new ClassicFrameReader(2048);
      const line = Buffer.concat([Buffer.from(garbage), Buffer.from('\n'), status]);
      const got: Uint8Array[] = [];
      for (let i = 0; i < line.length; i += step) got.push(...reader.push(line.subarray(i, i + step)));
      const last = got.at(-1);
      assert.ok(last !== undefined && Buffer.from(last).equals(status));
    }),
    { numRuns: 300 },
  );
});

test('reset() drops a half-received frame', () => {
  const reader = new ClassicFrameReader();
  reader.push(Buffer.from('>>>\nt=status\n', 'latin1'));
  reader.reset();
  assert.equal(reader.push(Buffer.from('st=up\n<<<\n', 'latin1')).length, 0);
  assert.equal(reader.stats.partialFrames, 1);
  assert.deepEqual(reader.push(status).map((f) => Buffer.from(f)), [status]);
});
