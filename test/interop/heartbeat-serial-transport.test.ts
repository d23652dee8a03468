import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HaMessage, MemorySink, StructuredLogger, SystemClock, WireAuth } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { SerialTransport, SerialTransportFactory } from '@heartline/transport-serial';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

// The real heartbeat 3.0.6 (node1, in a lab container) on one end of a socat cable and a bare
// SerialTransport (playing node2, in this process) on the other: the transport alone, without
// membership, against heartbeat's framing, pacing and authentication.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'socat', 'cl_status'] }) ?? heartbeatSkipReason();
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
  return fromNode2(msg, seq);
}

/** The reply to `reqnodes`, as node1 answers it in the serial vector: every normal node, each followed by a space. */
function repnodes(seq: number): HaMessage {
  const msg = new HaMessage()
    .addString('dest', 'node1')
    .addString('t', 'repnodes')
    .addString('nodelist', 'node1 node2 ')
    .addString('delnodelist', ' ');
  return fromNode2(msg, seq);
}

/** The fields heartbeat appends to every message it sends (send_cluster_msg), here as node2. */
function fromNode2(msg: HaMessage, seq: number): HaMessage {
  return msg
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

describe('interop: heartbeat 3.0.6 and a bare SerialTransport', { skip }, () => {
  let lab: NetnsLab;
  let hb: RealHeartbeat;
  let failed = true;

  before(async () => {
    // node1 holds the cable's end `a`; end `b` is this process's.
    lab = await NetnsLab.create({ nodes: 1, serialCable: true });
    hb = new RealHeartbeat(lab.node(1));
  });

  after(async () => {
    hb?.close();
    await lab?.destroy({ keepFiles: failed });
    if (failed && lab !== undefined) console.log(`lab files kept in ${lab.dir}`);
  });

  test('the real heartbeat 3.0.6 and a SerialTransport on one socat cable read each other', { timeout: 90_000 }, async () => {
    const clock = new SystemClock();
    const node = lab.node(1);
    const cable = lab.cable;
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
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'serial', device: lab.cableEnd(node), baud: 19200 }],
        keepalive: '1',
        deadtime: '5',
        initdead: '10',
        auth: { method: 'sha1', key },
        extra: ['realtime off'],
      });
      await transport.open();
      await hb.start();
      const haLog = join(node.logDir, 'ha-log');
      const log = (): string => (existsSync(haLog) ? readFileSync(haLog, 'utf8') : '');

      await waitFor('heartbeat frames on our side', () => received.length >= 3, 15_000, log);
      await waitFor(`"Link node2:${cable.a} up." in heartbeat's log`, () => log().includes(`Link node2:${cable.a} up.`), 15_000, log);
      await waitFor('heartbeat accepting our status', () => log().includes('Status update for node node2: status up'), 10_000, log);
      await waitFor('heartbeat comm-up', () => log().includes("Local status now set to: 'active'"), 15_000, log);
      assert.equal((await hb.clStatus('hblinkstatus', 'node2', cable.a)).stdout.trim(), 'up');
      assert.equal(await hb.nodeStatus('node2'), 'up');

      // A message longer than one 512-byte piece: heartbeat must reassemble our paced pieces.
      // Only this long message says `active` (the short ones pause meanwhile), so the log line proves it was read.
      paused = true;
      const long = auth.sealClassic(status(++seq, 'active', [['info', 'x'.repeat(1400)]]));
      assert.ok(long.length > 1024, `long message is ${long.length} bytes`);
      await transport.send(long);
      await waitFor('heartbeat reading our 3-piece status', () => log().includes('Status update for node node2: status active'), 10_000, log);
      assert.equal(await hb.nodeStatus('node2'), 'active');
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
      failed = false;
    } finally {
      ticker.cancel();
      await transport.close();
    }
  });
});
