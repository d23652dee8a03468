import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthKeys } from '../../src/config/parseAuthKeys.js';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import { failoverCluster } from '../failover/failoverCluster.js';
import { makeCluster, settle } from './cluster.js';

const rotated = (active: number) => {
  const { keys } = parseAuthKeys(`auth ${active}\n1 sha1 hbl-lab-test-key\n2 md5 rotated-key\n`, '/etc/ha.d/authkeys');
  if (keys === undefined) throw new Error('authkeys');
  return keys;
};

describe('ClusterNode: readiness and the reload hooks', () => {
  it('is ready at comm-up when it runs no resource groups', async () => {
    const c = makeCluster(['node1', 'node2']);
    const [n1] = c.nodes;
    let readyAt: number | undefined;
    void n1!.node.ready.then(() => (readyAt = c.clock.now()));
    for (const n of c.nodes) await n.node.start();
    for (let t = 0; t < 3000 && readyAt === undefined; t += 10) {
      c.clock.advance(10);
      await settle();
    }
    const commUp = n1!.loggedAt('Comm_now_up(): updating status to active');
    assert.ok(commUp !== undefined);
    assert.ok(readyAt !== undefined && readyAt >= commUp && readyAt <= commUp + 10, `ready at ${readyAt}, comm up at ${commUp}`);
  });

  it('with groups, is ready only once the initial resource acquisition is complete and its groups started', async () => {
    const c = failoverCluster('on');
    const times: Array<number | undefined> = [undefined, undefined];
    c.nodes.forEach((n, i) => void n.node.ready.then(() => (times[i] = c.clock.now())));
    for (const n of c.nodes) await n.node.start();
    await c.run(9_000);
    assert.deepEqual(times, [undefined, undefined], 'not ready while the groups wait for RQSTDELAY');
    await c.run(12_000);
    for (const [i, n] of c.nodes.entries()) {
      const complete = n.sink.records.find((r) => r.message.startsWith('Initial resource acquisition complete'));
      assert.ok(complete !== undefined, `${n.name} completed its acquisition`);
      const completeAt = complete.time.getTime() - c.clock.wallTime().getTime() + c.clock.now();
      const commUp = n.loggedAt('Comm_now_up(): updating status to active') ?? Number.NaN;
      assert.ok(completeAt > commUp, `${n.name}: acquisition after comm-up`);
      const started = c.services.events.filter((e) => e.node === n.name && e.operation === 'start').map((e) => e.atMs);
      assert.ok(started.length > 0, `${n.name} started its group`);
      const readyAt = times[i];
      assert.ok(readyAt !== undefined && readyAt >= completeAt && readyAt >= Math.max(...started), `${n.name} ready at ${readyAt}, acquisition at ${completeAt}, starts at ${started.join()}`);
      assert.ok(readyAt <= Math.max(...started) + 200, `${n.name} ready soon after its last start (${readyAt})`);
    }
  });

  it('rekey: the new active slot signs from now on, every listed slot verifies', async () => {
    const c = makeCluster(['node1', 'node2']);
    const slots: number[] = [];
    const tap = c.network.attach('tap', 'eth0');
    await tap.open();
    tap.onFrame((frame) => {
      const decoded = decodeMessage(frame);
      if (decoded.ok && decoded.trailer !== undefined && decoded.message.get('src') === 'node1') slots.push(decoded.trailer.slot);
    });
    for (const n of c.nodes) await n.node.start();
    const [n1, n2] = c.nodes as [(typeof c.nodes)[0], (typeof c.nodes)[0]];
    c.clock.advance(5000);
    // First every node accepts slot 2, then node1 signs with it: no packet is refused on the way.
    n2.node.rekey(rotated(1));
    n1.node.rekey(rotated(2));
    c.clock.advance(5); // frames already on their way arrive
    const mark = slots.length;
    c.clock.advance(10_000);
    assert.ok(slots.length - mark >= 5);
    assert.deepEqual([...new Set(slots.slice(mark))], [2]);
    assert.deepEqual(n2.node.status().badPackets, {});
    assert.equal(n2.node.status().nodes.find((n) => n.name === 'node1')?.status, 'active');
    assert.ok(!n2.lines().includes('WARN: node node1: is dead'));
  });

  it('rekey to a slot the peer does not know is refused by the peer (what rotating in the wrong order does)', async () => {
    const c = makeCluster(['node1', 'node2']);
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(5000);
    c.nodes[0]!.node.rekey(rotated(2));
    c.clock.advance(2000);
    const refused = c.nodes[1]!.node.status().badPackets;
    assert.ok(Object.keys(refused).some((reason) => reason.includes('slot')), JSON.stringify(refused));
  });

  it('retime: status() and the peer see the new deadtime', async () => {
    const c = makeCluster(['node1', 'node2']);
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(8000);
    c.nodes[0]!.node.retime({ keepaliveMs: 500, deadtimeMs: 4000, warntimeMs: 2000 });
    c.clock.advance(100);
    assert.equal(c.nodes[0]!.node.status().deadtimeMs, 4000);
    assert.equal(c.nodes[0]!.node.status().keepaliveMs, 500);
    assert.equal(c.nodes[1]!.node.status().nodes.find((n) => n.name === 'node1')?.deadtimeMs, 4000);
  });
});
