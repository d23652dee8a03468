import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HaMessage, MemorySink, StructuredLogger, SystemClock, WireAuth } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { SerialTransport } from '../src/SerialTransport.js';
import { SerialTransportFactory } from '../src/SerialTransportFactory.js';
import { HEARTBEAT_BIN, RealHeartbeat } from './helpers/RealHeartbeat.js';
import { SocatCable } from './helpers/SocatCable.js';

const skip = e2eSkipReason({ root: true, commands: ['socat', 'unshare', 'nsenter', 'perl', 'cl_status', HEARTBEAT_BIN] }) ?? false;
const key = 'hbl-lab-test-key';
const uuid = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const generation = (0x6b000000).toString(16);

/** A status message as heartbeat's send_local_status builds it (field order of the vectors). */
function status(seq: number, st: string, extra: Array<[string, string]> = []): HaMessage {
  const msg = new HaMessage()
    .addString('t', 'status')
    .addString('st', st)
    .addString('dt', (5000).toString(16))
    .addString('protocol', '1');
  for (const [name, value] of extra) msg.addString(name, value);
  return msg
    .addString('src', 'node2')
    .add({ name: 'srcuuid', type: 'binary', value: uuid })
    .addString('seq', seq.toString(16))
    .addString('hg', generation)
    .addString('ts', Math.floor(new SystemClock().wallTime().getTime() / 1000).toString(16))
    .addString('ld', '0.05 0.10 0.08 1/123 4567')
    .addString('ttl', '3');
}

/** The reply to `reqnodes`, as node1 answers it in the serial vector: every normal node, each followed by a space. */
function repnodes(seq: number): HaMessage {
  return new HaMessage()
    .addString('dest', 'node1')
    .addString('t', 'repnodes')
    .addString('nodelist', 'node1 node2 ')
    .addString('delnodelist', ' ')
    .addString('src', 'node2')
    .add({ name: 'srcuuid', type: 'binary', value: uuid })
    .addString('seq', seq.toString(16))
    .addString('hg', generation)
    .addString('ts', Math.floor(new SystemClock().wallTime().getTime() / 1000).toString(16))
    .addString('ld', '0.05 0.10 0.08 1/123 4567')
    .addString('ttl', '3');
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number, context: () => string): Promise<void> {
  const clock = new SystemClock();
  const until = clock.now() + timeoutMs;
  while (!condition()) {
    if (clock.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`);
    await clock.sleep(100);
  }
}

test('the real heartbeat 3.0.6 and a SerialTransport on one socat cable read each other', { skip, timeout: 90_000 }, async () => {
  const clock = new SystemClock();
  const cable = new SocatCable('heartline-serial-hb-');
  const hb = new RealHeartbeat(mkdtempSync(join(tmpdir(), 'heartline-serial-hbnode-')), 'node1');
  const auth = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key }]]) });
  const sink = new MemorySink();
  const transport = new SerialTransport(
    { kind: 'serial', device: cable.b, baud: 19200, where: { file: 'ha.cf', line: 1, column: 1 } },
    { localNode: 'node2', clock, logger: new StructuredLogger([sink], clock) },
    new SerialTransportFactory().opener,
  );
  const received: Array<ReturnType<WireAuth['open']>> = [];
  let seq = 0;
  let st = 'up';
  const send = (msg: HaMessage): void => void transport.send(auth.sealClassic(msg));
  transport.onFrame((frame) => {
    const opened = auth.open(frame);
    received.push(opened);
    // Just enough of a peer for heartbeat to reach comm-up (and serve cl_status): answer its node-list request.
    if (opened.ok && opened.message.get('t') === 'reqnodes' && opened.message.get('dest') === 'node2') send(repnodes(++seq));
  });
  let paused = false;
  const ticker = clock.setInterval(() => paused || send(status(++seq, st)), 1000);
  try {
    await cable.plug();
    hb.configure(
      [
        'logfacility none',
        'logfile /var/log/ha-log',
        'debugfile /var/log/ha-debug',
        'use_logd no',
        'keepalive 1',
        'deadtime 5',
        'initdead 10',
        'baud 19200',
        `serial ${cable.a}`,
        'auto_failback on',
        'crm no',
        'realtime off',
        'node node1',
        'node node2',
        '',
      ].join('\n'),
      key,
    );
    await transport.open();
    await hb.start();
    const log = (): string => hb.log();

    await waitFor('heartbeat frames on our side', () => received.length >= 3, 15_000, log);
    await waitFor(`"Link node2:${cable.a} up." in heartbeat's log`, () => log().includes(`Link node2:${cable.a} up.`), 15_000, log);
    await waitFor('heartbeat accepting our status', () => log().includes('Status update for node node2: status up'), 10_000, log);
    await waitFor('heartbeat comm-up', () => log().includes("Local status now set to: 'active'"), 15_000, log);
    assert.equal(hb.exec('cl_status', ['hblinkstatus', 'node2', cable.a]).trim(), 'up');
    assert.equal(hb.exec('cl_status', ['nodestatus', 'node2']).trim(), 'up');

    // A message longer than one 512-byte piece: heartbeat must reassemble our paced pieces.
    // Only this long message says `active` (the short ones pause meanwhile), so the log line proves it was read.
    paused = true;
    const long = auth.sealClassic(status(++seq, 'active', [['info', 'x'.repeat(1400)]]));
    assert.ok(long.length > 1024, `long message is ${long.length} bytes`);
    await transport.send(long);
    await waitFor('heartbeat reading our 3-piece status', () => log().includes('Status update for node node2: status active'), 10_000, log);
    assert.equal(hb.exec('cl_status', ['nodestatus', 'node2']).trim(), 'active');
    st = 'active';
    paused = false;
    assert.doesNotMatch(log(), /node node2: is dead/);

    const bad = received.filter((r) => !r.ok);
    assert.deepEqual(bad, [], 'every frame heartbeat wrote decodes and passes sha1 auth');
    const types = new Set(received.flatMap((r) => (r.ok ? [r.message.get('t')] : [])));
    assert.ok(types.has('status'), `heartbeat sent ${[...types].join(', ')}`);
    const stats = transport.stats();
    assert.equal(stats.reader.skippedBytes, 0, 'heartbeat writes nothing but whole frames');
    assert.equal(stats.writer.framesDroppedFull + stats.writer.writeTimeouts, 0);
    assert.doesNotMatch(log(), /ERROR: .*(serial|tty)|TTY write timeout/i);
  } finally {
    ticker.cancel();
    await hb.stop();
    await transport.close();
    await cable.dispose();
    rmSync(hb.dir, { recursive: true, force: true });
  }
});
