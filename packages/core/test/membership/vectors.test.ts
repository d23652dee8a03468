import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readPcap } from '../../src/wire/pcap/readPcap.js';
import { parseUdpFrame } from '../../src/wire/pcap/parseUdpFrame.js';
import { WireAuth } from '../../src/auth/WireAuth.js';
import type { HaMessage } from '../../src/wire/HaMessage.js';
import { ManualClock } from '../../src/time/ManualClock.js';
import { makeMember } from './harness.js';
import { vectorFile, vectorKey, vectorsSkipReason } from '../wire/vectors.js';

const skip = vectorsSkipReason();

interface Captured {
  readonly atMs: number;
  readonly srcIp: string;
  readonly msg: HaMessage;
}

/** The heartbeat messages of a capture, decoded and authenticated, with ms since the first one. */
function capture(name: string): Captured[] {
  const auth = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key: vectorKey }]]) });
  const out: Captured[] = [];
  let t0: number | undefined;
  for (const record of readPcap(vectorFile(`${name}.pcap`))) {
    const udp = parseUdpFrame(record);
    if (udp === undefined || udp.dstPort !== 694) continue;
    const opened = auth.open(udp.payload);
    assert.ok(opened.ok, `${name} frame ${record.index} does not open`);
    const at = record.seconds * 1000 + record.nanoseconds / 1e6;
    t0 ??= at;
    out.push({ atMs: at - t0, srcIp: udp.srcIp, msg: opened.message });
  }
  return out;
}

/** Plays one node's messages into our member at their capture times (rounded to the ms). */
function replay(h: ReturnType<typeof makeMember>, frames: Captured[], fromIp: string, untilMs: number): void {
  for (const f of frames) {
    if (f.srcIp !== fromIp || f.atMs > untilMs) continue;
    h.clock.advanceTo(Math.round(f.atMs));
    h.m.receive(f.msg, 'hbleth0');
  }
  h.clock.advanceTo(untilMs);
}

const membershipLines = /^(info|WARN|ERROR|CRIT): (Link node2|Status update|.*lost packet|No pkts|Comm_now_up|Local status now set to: 'active'|node .*is dead)/;

describe('replaying real heartbeat 3.0.6 traffic', { skip }, () => {
  it('01-startup-join-sha1: as node1, answers node2 like heartbeat did and logs the same lines', () => {
    const frames = capture('01-startup-join-sha1');
    const node1 = frames.find((f) => f.srcIp === '10.213.0.11')!.msg;
    const h = makeMember({
      localNode: 'node1',
      nodes: ['node1', 'node2'],
      linkNames: ['hbleth0'],
      uuid: node1.getBinary('srcuuid')!,
      generation: 0x6b077568,
      random: () => 0.65, // ack_trigger 6, as node1 had (it acked node2's 6, 0x10, 0x1a)
    });
    h.m.start();
    replay(h, frames, '10.213.0.12', 21_500);

    // The real node1's ha-log, in order (its own "Link node1:hbleth0 up." needs a real medium).
    assert.deepEqual(
      h.lines().filter((l) => membershipLines.test(l)),
      [
        'info: Link node2:hbleth0 up.',
        'info: Status update for node node2: status up',
        'WARN: 1 lost packet(s) for [node2] [3:5]',
        'info: No pkts missing from node2!',
        'info: Comm_now_up(): updating status to active',
        "info: Local status now set to: 'active'",
        'info: Status update for node node2: status active',
      ],
    );
    const toNode2 = (t: string) => h.sentOfType(t).filter((s) => s.msg.get('dest') === 'node2');
    const node2Uuid = frames.find((f) => f.srcIp === '10.213.0.12')!.msg.getBinary('srcuuid');
    const req = toNode2('reqnodes');
    assert.equal(req.length, 1, 'one reqnodes: node2 answered within the second');
    assert.deepEqual(req[0]!.msg.getBinary('destuuid'), node2Uuid);
    const rep = toNode2('repnodes');
    assert.equal(rep.length, 1);
    assert.equal(rep[0]!.msg.get('nodelist'), 'node1 node2 ');
    assert.equal(rep[0]!.msg.get('delnodelist'), ' ');
    assert.deepEqual(
      toNode2('NS_ackmsg').map((s) => s.msg.get('ackseq')),
      ['6', '10', '1a'],
      'the same ACKs the real node1 sent',
    );
    assert.equal(h.sentOfType('NS_rexmit').length, 0, 'seq 4 arrived right after 5: no request needed');
    assert.equal(h.m.localStatus, 'active');
    // node2 acknowledges the real node1's seqs, and the real node1 also sent resource messages we
    // do not (yet): those ACKs run ahead of our history. Nothing else may be an error.
    const errors = h.lines().filter((l) => /^(ERROR|CRIT)/.test(l) && !l.includes('corrupted ackseq'));
    assert.deepEqual(errors, []);
  });

  it('02-takeover-crash: as node2, declares the crashed node1 dead right after its dt', () => {
    const frames = capture('02-takeover-crash');
    const node2 = frames.find((f) => f.srcIp === '10.213.0.12')!.msg;
    const lastNode1Status = frames.filter((f) => f.srcIp === '10.213.0.11' && f.msg.get('t') === 'status').at(-1)!;
    const clock = new ManualClock(0, Date.UTC(2026, 10, 25, 23, 55, 58));
    const h = makeMember(
      { localNode: 'node2', nodes: ['node1', 'node2'], linkNames: ['hbleth0'], uuid: node2.getBinary('srcuuid')!, generation: 0x6b077581 },
      clock,
    );
    h.m.start();
    replay(h, frames, '10.213.0.11', 12_000);
    const dead = h.sink.records.find((r) => r.message === 'node node1: is dead');
    assert.ok(dead !== undefined);
    const deadAt = dead.time.getTime() - Date.UTC(2026, 10, 25, 23, 55, 58);
    const due = Math.round(lastNode1Status.atMs) + 5000;
    assert.equal(deadAt, due + 1, `last status at ${Math.round(lastNode1Status.atMs)} ms, dt 5000`);
    // The real node2 needed 5.6 s (its stonith message left at 8.40 s after the capture began).
    assert.ok(h.lines().includes('info: Link node1:hbleth0 dead.'));
  });
});
