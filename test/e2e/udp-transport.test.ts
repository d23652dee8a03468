import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MediaSpec } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { NetnsLab } from '../lib/NetnsLab.js';
import { TransportProbe } from '../lib/TransportProbe.js';
import { runCommand } from '../lib/runCommand.js';

// The UDP media for real: three hosts on a bridge (veth pairs, each host its own network
// namespace), @heartline/transport-udp in a probe process on each.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] });
const where = { file: '/etc/ha.d/ha.cf', line: 3, column: 1 };
const IF = 'hleth0';

describe('UDP media between network namespaces', { skip }, () => {
  let lab: NetnsLab;
  const probes: TransportProbe[] = [];

  before(async () => {
    lab = await NetnsLab.create({ nodes: 3, ipv6: true });
  });

  after(async () => {
    for (const p of probes) p.close();
    await lab?.destroy();
  });

  async function probe(node: number, specs: MediaSpec[]): Promise<TransportProbe> {
    const p = new TransportProbe(lab.node(node), specs);
    probes.push(p);
    const opened = await p.opened();
    assert.deepEqual(opened, { event: 'open' }, `node${node}: ${JSON.stringify(opened)}`);
    return p;
  }

  function close(...list: TransportProbe[]): void {
    for (const p of list) p.close();
  }

  /** Sends `marker` from `sender` and waits until every probe in `receivers` got it. */
  async function exchange(sender: TransportProbe, media: number, marker: string, receivers: TransportProbe[]): Promise<void> {
    const from = receivers.map((r) => r.events.length);
    await sender.send(media, marker);
    await Promise.all(receivers.map((r, i) => r.next((e) => e.event === 'frame' && e.text === marker, from[i])));
  }

  test('bcast reaches every host on the segment, and our own broadcasts come back', async () => {
    const spec: MediaSpec = { kind: 'bcast', interface: IF, port: 694, where };
    const [a, b, c] = [await probe(1, [spec]), await probe(2, [spec]), await probe(3, [spec])];
    await exchange(a, 0, 'bcast-from-node1', [a, b, c]);
    for (const p of [a, b, c]) {
      const frame = p.frames().find((f) => f.text === 'bcast-from-node1');
      assert.deepEqual(frame && { from: frame.from, link: frame.link }, { from: '10.213.0.11', link: IF });
    }
    close(a, b, c);
  });

  test('a bcast receiver ignores unicast datagrams to the port; bcast and ucast share a host', async () => {
    const bcast: MediaSpec = { kind: 'bcast', interface: IF, port: 694, where };
    const a = await probe(1, [bcast]);
    const b = await probe(2, [bcast, { kind: 'ucast', interface: IF, peer: '10.213.0.11', port: 694, where }]);
    await b.send(1, 'unicast-to-node1');
    await exchange(b, 0, 'bcast-marker', [a]);
    assert.equal(a.frames().some((f) => f.text === 'unicast-to-node1'), false);
    close(a, b);
  });

  test('ucast reaches only its peer, and arrives on the ucast medium', async () => {
    const bcast: MediaSpec = { kind: 'bcast', interface: IF, port: 694, where };
    const a = await probe(1, [{ kind: 'ucast', interface: IF, peer: '10.213.0.12', port: 694, where }]);
    const b = await probe(2, [bcast, { kind: 'ucast', interface: IF, peer: '10.213.0.11', port: 694, where }]);
    const c = await probe(3, [bcast, { kind: 'ucast', interface: IF, peer: '10.213.0.11', port: 694, where }]);
    await exchange(a, 0, 'ucast-node1-to-node2', [b]);
    assert.deepEqual(b.frames().filter((f) => f.text === 'ucast-node1-to-node2').map((f) => [f.media, f.from]), [[1, '10.213.0.11']]);
    await exchange(c, 1, 'ucast-node3-to-node1', [a]);
    await exchange(b, 0, 'sync', [c]);
    assert.equal(c.frames().some((f) => f.text === 'ucast-node1-to-node2'), false, 'node3 must not see node1→node2 unicast');
    close(a, b, c);
  });

  test('mcast reaches the group members; loop 0 keeps our own packets away, loop 1 brings them back', async () => {
    const group = (loop: boolean, port: number): MediaSpec => ({ kind: 'mcast', interface: IF, group: '239.0.213.1', port, ttl: 1, loop, where });
    const a = await probe(1, [group(false, 694), group(true, 695)]);
    const b = await probe(2, [group(false, 694), group(true, 695)]);
    await exchange(a, 0, 'mcast-noloop', [b]);
    await exchange(a, 1, 'mcast-loop', [a, b]);
    assert.equal(a.frames().some((f) => f.text === 'mcast-noloop'), false);
    assert.deepEqual(b.frames().filter((f) => f.text.startsWith('mcast-')).map((f) => [f.media, f.text]), [[0, 'mcast-noloop'], [1, 'mcast-loop']]);
    close(a, b);
  });

  test('mcast6 and ucast6 over link-local addresses', async () => {
    const linkLocal = async (node: number): Promise<string> => {
      const { stdout } = await runCommand('ip', ['-n', lab.node(node).ns, '-6', '-o', 'addr', 'show', 'dev', IF, 'scope', 'link']);
      const m = /inet6 (fe80::[0-9a-f:]+)\//.exec(stdout);
      assert.ok(m, `node${node} has a link-local address: ${stdout}`);
      return m[1]!;
    };
    const [ll1, ll2] = [await linkLocal(1), await linkLocal(2)];
    const m6: MediaSpec = { kind: 'mcast6', interface: IF, group: 'ff02::694', port: 694, ttl: 1, loop: false, where };
    const a = await probe(1, [m6, { kind: 'ucast6', interface: IF, peer: ll2, port: 694, where }]);
    const b = await probe(2, [m6, { kind: 'ucast6', interface: IF, peer: ll1, port: 694, where }]);
    await exchange(a, 0, 'mcast6-from-node1', [b]);
    await exchange(b, 1, 'ucast6-from-node2', [a]);
    const got = a.frames().find((f) => f.text === 'ucast6-from-node2');
    assert.equal(got?.media, 1);
    assert.equal(got?.from.split('%')[0], ll2);
    close(a, b);
  });

  test('a busy port and a missing interface are errors naming the line', async () => {
    const bcast: MediaSpec = { kind: 'bcast', interface: IF, port: 694, where };
    const holder = await probe(1, [bcast]);
    const second = new TransportProbe(lab.node(1), [bcast]);
    probes.push(second);
    const busy = await second.opened();
    assert.equal(busy.event === 'error' && busy.code, 'UDP_PORT_IN_USE');
    assert.match(busy.event === 'error' ? busy.message : '', /^bcast hleth0 \(\/etc\/ha\.d\/ha\.cf:3\): UDP port 694 is already in use/);
    const missing = new TransportProbe(lab.node(2), [{ kind: 'bcast', interface: 'eth0', port: 694, where }]);
    probes.push(missing);
    const error = await missing.opened();
    assert.equal(error.event === 'error' && error.code, 'UDP_INTERFACE_NOT_FOUND');
    assert.match(error.event === 'error' ? error.message : '', /Use one of this host's interfaces \(hleth0, lo\)|interface eth0 does not exist/);
    close(holder, second, missing);
  });
});
