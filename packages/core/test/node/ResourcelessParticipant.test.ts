import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResourcelessParticipant } from '../../src/failover/ResourcelessParticipant.js';
import type { Membership } from '../../src/membership/Membership.js';
import type { MembershipEvent } from '../../src/membership/MembershipEvent.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { haCfText, makeCluster, settle } from './cluster.js';

/** `t=… name=value …` of a message's own fields (control fields from `src` on left out). */
function own(message: HaMessage): string {
  const end = message.fields.findIndex((f) => f.name === 'src' || f.name === 'dest');
  return message.fields
    .slice(0, end < 0 ? undefined : end)
    .map((f) => `${f.name}=${String(f.value)}`)
    .join(' ');
}

/** The negotiation messages node `to` heard from node `from`, in order. */
function heard(c: ReturnType<typeof makeCluster>, to: number, from: string): string[] {
  const said: string[] = [];
  c.nodes[to]!.node.on((e) => {
    if (e.kind === 'message' && e.from === from && ['starting', 'resource', 'shutdone'].includes(e.message.type ?? '')) said.push(own(e.message));
  });
  return said;
}

const held = (stable: 0 | 1) => `t=resource rsc_hold=none rtype=full isstable=${stable}`;

describe('ResourcelessParticipant: nice_failback negotiation as a node holding nothing', () => {
  for (const mode of ['on', 'off'] as const) {
    it(`auto_failback ${mode}: starting at comm-up, resource none/full/1 in reply, both stable`, async () => {
      const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], `auto_failback ${mode}\n`) });
      const from1 = heard(c, 1, 'node1');
      const from2 = heard(c, 0, 'node2');
      for (const n of c.nodes) await n.node.start();
      c.clock.advance(4000);
      for (const said of [from1, from2]) {
        assert.equal(said.filter((s) => s === 't=starting').length, 1, said.join(' | '));
        assert.equal(said.at(-1), held(1), 'the last word on each side: stable, holding nothing');
        assert.ok(said.every((s) => s === 't=starting' || s === held(1)), said.join(' | '));
      }
      for (const n of c.nodes) {
        // Once per transition of the peer to stable; a peer's `starting` counts as leaving stable.
        assert.ok(n.lines().includes('info: remote resource transition completed.'), n.lines().join('\n'));
      }
    });
  }

  it('graceful stop: status, resource none/full/0 info=shutdown, shutdone, with heartbeat lines', async () => {
    const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], 'auto_failback on\n') });
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(6500);
    const said: string[] = [];
    c.nodes[0]!.node.on((e) => e.kind === 'message' && e.from === 'node2' && e.message.type !== 'NS_ackmsg' && said.push(own(e.message)));
    const stopping = c.nodes[1]!.node.stop();
    for (let i = 0; i < 25; i++) {
      c.clock.advance(100);
      await settle();
    }
    await stopping;
    assert.match(said[0] ?? '', /^t=status st=active /);
    assert.deepEqual(said.slice(1, 3), [`${held(0)} info=shutdown`, 't=shutdone st=dead']);
    const lines = c.nodes[1]!.lines();
    const order = [
      'info: Heartbeat shutdown in progress. (17)',
      'info: Giving up all HA resources.',
      'info: All HA resources relinquished.',
      'info: node2 Heartbeat shutdown complete.',
    ].map((l) => lines.indexOf(l));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), lines.join('\n'));
    assert.ok(c.nodes[0]!.lines().includes("info: Received shutdown notice from 'node2'."));
  });

  it('auto_failback legacy: no negotiation at all', async () => {
    const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], 'auto_failback legacy\n') });
    const from1 = heard(c, 1, 'node1');
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(4000);
    const stopping = c.nodes[0]!.node.stop();
    for (let i = 0; i < 25; i++) {
      c.clock.advance(100);
      await settle();
    }
    await stopping;
    assert.deepEqual(from1, ['t=shutdone st=dead']);
    assert.ok(!c.nodes[0]!.lines().includes('info: Giving up all HA resources.'));
  });

  it("answers a stable heartbeat peer the way heartbeat does (the peer's other_is_stable comes back)", async () => {
    const listeners: Array<(e: MembershipEvent) => void> = [];
    const sent: string[] = [];
    const logged: string[] = [];
    const fake = {
      on: (l: (e: MembershipEvent) => void) => {
        listeners.push(l);
        return () => undefined;
      },
      send: (m: HaMessage) => sent.push(own(m)),
      logger: { info: (msg: string) => logged.push(msg) },
    } as unknown as Membership;
    const p = new ResourcelessParticipant(fake);
    p.attach();
    const emit = (e: MembershipEvent) => listeners.forEach((l) => l(e));
    const peer = (fields: Array<[string, string]>) =>
      emit({ kind: 'message', from: 'node1', fromSelf: false, message: HaMessage.fromStrings(fields), linkName: 'eth0' });
    const peerHeld = (stable: string): Array<[string, string]> => [['t', 'resource'], ['rsc_hold', 'all'], ['rtype', 'full'], ['isstable', stable]];

    emit({ kind: 'comm-up' });
    assert.deepEqual(sent, ['t=starting']);
    peer(peerHeld('1')); // the stable peer's answer to our starting
    assert.deepEqual(sent, ['t=starting', held(1)]);
    peer(peerHeld('1')); // its echo once it saw us stable: nothing more
    assert.deepEqual(logged, ['remote resource transition completed.']);
    assert.equal(sent.length, 2);

    peer([['t', 'starting']]); // the peer restarted
    peer(peerHeld('0'));
    peer(peerHeld('1'));
    assert.deepEqual(sent.slice(2), [held(1), held(1)]);
    assert.equal(logged.length, 2);

    await p.releaseResources();
    assert.deepEqual(sent.at(-1), `${held(0)} info=shutdown`);
    peer([['t', 'starting']]);
    assert.deepEqual(sent.at(-1), held(0), 'while leaving we are in transition, as heartbeat in HB_R_SHUTDOWN');
  });
});
