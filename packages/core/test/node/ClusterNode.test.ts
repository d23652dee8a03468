import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WireAuth } from '../../src/auth/WireAuth.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { isHaError } from '../../src/errors/HaError.js';
import { haCfText, makeCluster, settle } from './cluster.js';

describe('ClusterNode on an in-memory network (real codec and sha1 auth)', () => {
  it('three nodes go active, see each other and their own bcast link', async () => {
    const c = makeCluster(['node1', 'node2', 'node3']);
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(3000);
    for (const n of c.nodes) {
      const status = n.node.status();
      assert.equal(status.localStatus, 'active', n.name);
      assert.deepEqual(
        status.nodes.map((x) => [x.name, x.status, x.links.map((l) => `${l.name}:${l.status}`).join()]),
        [
          ['node1', 'active', 'eth0:up'],
          ['node2', 'active', 'eth0:up'],
          ['node3', 'active', 'eth0:up'],
        ],
      );
      assert.ok(n.lines().includes(`info: Link ${n.name}:eth0 up.`), 'own broadcasts come back on the medium');
      assert.deepEqual(status.badPackets, {});
    }
  });

  it('puts netstring frames with the inner auth field and the trailer on UDP media', async () => {
    const c = makeCluster(['node1', 'node2']);
    const frames: Uint8Array[] = [];
    const tap = c.network.attach('tap', 'eth0');
    await tap.open();
    tap.onFrame((f) => frames.push(f));
    c.network.isolate('tap', false);
    await c.nodes[0]!.node.start();
    c.clock.advance(10);
    assert.ok(frames.length >= 3);
    const first = Buffer.from(frames[0]!).toString('latin1');
    assert.ok(first.startsWith('###\n11:(0)t=status,10:(0)st=init,'));
    assert.match(first, /,50:\(0\)auth=1 [0-9a-f]{40},%%%\n42:1 [0-9a-f]{40},$/);
    const opened = new WireAuth(c.keys).open(frames[0]!);
    assert.ok(opened.ok && opened.format === 'netstring');
  });

  it('a crashed node is declared dead right after its last status + deadtime', async () => {
    const c = makeCluster(['node1', 'node2', 'node3']);
    for (const n of c.nodes) await n.node.start();
    let lastFrom3 = 0;
    c.nodes[0]!.node.on((e) => {
      if (e.kind === 'message' && e.from === 'node3' && e.message.get('t') === 'status') lastFrom3 = c.clock.now();
    });
    c.clock.advance(20_700);
    await c.nodes[2]!.node.halt();
    c.clock.advance(10_000);
    const expected = lastFrom3 + 5000 + 1;
    assert.equal(c.nodes[0]!.loggedAt('node node3: is dead'), expected, `last status at ${lastFrom3}`);
    assert.equal(c.nodes[1]!.loggedAt('node node3: is dead'), expected);
    assert.ok(expected - 20_700 <= 5000 + 1);
    assert.equal(c.nodes[0]!.node.status().nodes[2]?.status, 'dead');
  });

  it('leaves gracefully on stop, and a restart rejoins with a new generation', async () => {
    const c = makeCluster(['node1', 'node2']);
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(6500);
    const notices: string[] = [];
    c.nodes[0]!.node.on((e) => e.kind === 'message' && e.from === 'node2' && notices.push(e.message.get('t') ?? ''));
    const stopping = c.nodes[1]!.node.stop();
    for (let i = 0; i < 25; i++) {
      c.clock.advance(100);
      await settle();
    }
    await stopping;
    assert.ok(c.nodes[1]!.lines().includes('info: node2 Heartbeat shutdown complete.'));
    const said = notices.filter((t) => t !== 'NS_ackmsg');
    assert.deepEqual(said.slice(0, 2), ['status', 'shutdone']);
    assert.ok(said.slice(2).length >= 2 && said.slice(2).every((t) => t === 'status'), said.join());
    c.clock.advance(6000);
    assert.ok(c.nodes[0]!.lines().includes('WARN: node node2: is dead'));

    const again = c.build('node2', 0x200);
    await again.node.start();
    c.clock.advance(3000);
    assert.ok(c.nodes[0]!.lines().includes('info: Status update for node node2: status active'));
    assert.equal(c.nodes[0]!.node.status().nodes[1]?.status, 'active');
    assert.equal(again.node.status().localStatus, 'active');
  });

  it('counts and logs bad packets by reason, never throws; log_badpack off silences them', async () => {
    for (const logBadpack of [true, false]) {
      const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], logBadpack ? '' : 'log_badpack off\n') });
      await c.nodes[0]!.node.start();
      const rogue = c.network.attach('node2', 'eth0', { loopback: false });
      await rogue.open();
      const wrongKey = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key: 'other' }]]) });
      const msg = HaMessage.fromStrings([['t', 'status'], ['st', 'up'], ['src', 'node2'], ['seq', '1'], ['hg', '1'], ['ts', '1']]);
      await rogue.send(Buffer.from('hello'));
      await rogue.send(wrongKey.sealUdp(msg, { innerAuth: true }));
      await rogue.send(Buffer.from('###\n11:(0)t=status,%%%\n'));
      c.clock.advance(5);
      const node1 = c.nodes[0]!;
      assert.deepEqual(node1.node.status().badPackets, { 'bad-prefix': 1, 'auth-failed': 1, 'auth-missing': 1 });
      const bad = node1.lines().filter((l) => /bad packet|authentication|peel_netstring/.test(l));
      if (logBadpack) {
        assert.deepEqual(bad.map((l) => l.split(':')[0]), ['WARN', 'ERROR', 'ERROR']);
        assert.ok(bad.includes('ERROR: peel_netstring() error in getting auth string'));
      } else {
        assert.deepEqual(bad, []);
      }
    }
  });

  it('carries classic text on a serial medium beside bcast', async () => {
    const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], 'serial /dev/ttyS0\n') });
    const frames: Uint8Array[] = [];
    const cable = c.network.attach('tap', '/dev/ttyS0');
    await cable.open();
    cable.onFrame((f) => frames.push(f));
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(3000);
    assert.ok(Buffer.from(frames[0]!).toString('latin1').startsWith('>>>\nt=status\nst=init\n'));
    const node1 = c.nodes[0]!.node.status();
    assert.deepEqual(node1.nodes[1]?.links, [
      { name: 'eth0', status: 'up' },
      { name: '/dev/ttyS0', status: 'up' },
    ]);
  });

  it('persists generation and uuid in the state directory', async () => {
    const c = makeCluster(['node1', 'node2'], { persist: true });
    const n1 = c.nodes[0]!;
    await n1.node.start();
    const dir = (n1.node as unknown as { options: { stateDir: string } }).options.stateDir;
    assert.equal(readFileSync(join(dir, 'hb_generation')).length, 16);
    assert.equal(statSync(join(dir, 'hb_uuid')).size, 16);
    assert.match(readFileSync(join(dir, 'hostcache'), 'latin1'), /^node1\t[0-9a-f-]{36}\t100\t\nnode2\t0{8}-/);
    await n1.node.halt();
    const again = c.build('node1', 0);
    await again.node.start();
    assert.equal(again.node.status().generation, n1.node.status().generation + 1);
    assert.ok(again.lines().includes(`info: Heartbeat generation: ${again.node.status().generation}`));
  });

  it('refuses to start a node that ha.cf does not list', async () => {
    const c = makeCluster(['node1', 'node2']);
    const stranger = c.build('node9', 1);
    await assert.rejects(stranger.node.start(), (e) => isHaError(e) && e.code === 'MEMBERSHIP_LOCAL_NODE_NOT_CONFIGURED');
  });
});
