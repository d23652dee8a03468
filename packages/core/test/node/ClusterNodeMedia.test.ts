import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaKind, MediaSpec } from '../../src/config/MediaSpec.js';
import { HaError } from '../../src/errors/HaError.js';
import type { InMemoryNetwork } from '../../src/testing/InMemoryNetwork.js';
import { InMemoryTransportFactory } from '../../src/testing/InMemoryTransportFactory.js';
import type { MediumEvent, Transport } from '../../src/transport/Transport.js';
import type { TransportContext, TransportFactory } from '../../src/transport/TransportFactory.js';
import { haCfText, makeCluster } from './cluster.js';

/** A serial-like medium over the in-memory network whose device can be missing and whose carrier can drop. */
class PluggableSerialFactory implements TransportFactory {
  readonly kinds: readonly MediaKind[] = ['serial'];
  readonly media = new Map<string, Transport & { unplug(): void }>();

  constructor(
    private readonly network: InMemoryNetwork,
    private readonly missingOn: ReadonlySet<string>,
    private readonly retries: boolean,
  ) {}

  create(spec: MediaSpec, context: TransportContext): Transport {
    const inner = new InMemoryTransportFactory(this.network).create(spec, context);
    const listeners = new Set<(e: MediumEvent) => void>();
    const missing = this.missingOn.has(context.localNode);
    const medium = {
      id: inner.id,
      linkName: inner.linkName,
      wireFormat: inner.wireFormat,
      retriesOpen: this.retries,
      open: () => (missing ? Promise.reject(new HaError('INTERNAL', `${inner.id}: no such device`)) : inner.open()),
      send: (frame: Uint8Array) => inner.send(frame),
      onFrame: inner.onFrame.bind(inner),
      onMediumEvent: (l: (e: MediumEvent) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      close: () => inner.close(),
      unplug: () => {
        void inner.close();
        for (const l of listeners) l({ kind: 'down', reason: 'cable pulled' });
      },
    };
    this.media.set(context.localNode, medium);
    return medium;
  }
}

const twoMedia = haCfText(['node1', 'node2'], 'serial /dev/ttyS0\n');

describe('ClusterNode media start-up and carrier loss', () => {
  it('starts on its other media when a retrying medium cannot open, and logs why', async () => {
    let serial: PluggableSerialFactory | undefined;
    const c = makeCluster(['node1', 'node2'], {
      haCf: twoMedia,
      factories: (net) => [(serial = new PluggableSerialFactory(net, new Set(['node1']), true)), new InMemoryTransportFactory(net)],
    });
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(3000);
    assert.ok(serial);
    assert.equal(c.nodes[0]!.node.status().localStatus, 'active');
    assert.ok(c.nodes[0]!.lines().some((l) => /ERROR: serial \/dev\/ttyS0: no such device; running without serial/.test(l)));
    const peer = c.nodes[0]!.node.status().nodes.find((n) => n.name === 'node2');
    assert.deepEqual(peer?.links.map((l) => `${l.name}:${l.status}`), ['eth0:up', '/dev/ttyS0:dead']);
  });

  it('refuses to start when that medium does not retry, or when no medium opened', async () => {
    const strict = makeCluster(['node1', 'node2'], {
      haCf: twoMedia,
      factories: (net) => [new PluggableSerialFactory(net, new Set(['node1']), false), new InMemoryTransportFactory(net)],
    });
    await assert.rejects(strict.nodes[0]!.node.start(), /no such device/);
    const alone = makeCluster(['node1', 'node2'], {
      haCf: 'keepalive 1\ndeadtime 5\nserial /dev/ttyS0\nnode node1\nnode node2\n',
      factories: (net) => [new PluggableSerialFactory(net, new Set(['node1']), true)],
    });
    await assert.rejects(alone.nodes[0]!.node.start(), /no such device/);
  });

  it('marks the links of a medium that lost its carrier dead at once; the other medium keeps the node alive', async () => {
    let serial: PluggableSerialFactory | undefined;
    const c = makeCluster(['node1', 'node2'], {
      haCf: twoMedia,
      factories: (net) => [(serial = new PluggableSerialFactory(net, new Set(), true)), new InMemoryTransportFactory(net)],
    });
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(3000);
    const links = () => c.nodes[0]!.node.status().nodes.find((n) => n.name === 'node2')?.links.map((l) => `${l.name}:${l.status}`);
    assert.deepEqual(links(), ['eth0:up', '/dev/ttyS0:up']);
    serial!.media.get('node1')!.unplug();
    assert.deepEqual(links(), ['eth0:up', '/dev/ttyS0:dead'], 'dead without waiting for deadtime');
    c.clock.advance(10_000);
    assert.equal(c.nodes[0]!.node.status().nodes.find((n) => n.name === 'node2')?.status, 'active');
  });

  it('ignores ping nodes (no ping medium yet): comm-up does not wait initdead for them', async () => {
    const c = makeCluster(['node1', 'node2'], { haCf: haCfText(['node1', 'node2'], 'ping 10.213.0.1\n') });
    for (const n of c.nodes) await n.node.start();
    c.clock.advance(3000);
    const status = c.nodes[0]!.node.status();
    assert.equal(status.localStatus, 'active', 'comm-up long before initdead (12 s)');
    assert.deepEqual(status.nodes.map((n) => n.name), ['node1', 'node2']);
  });
});
