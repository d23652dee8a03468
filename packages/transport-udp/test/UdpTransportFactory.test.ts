import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { isHaError, type MediaSpec, type Transport } from '@heartline/core';
import { UcastTransport, UdpTransportFactory, nodeUdpEnvironment } from '../src/index.js';
import { freeUdpPort } from './freeUdpPort.js';
import { testContext } from './testContext.js';
import { withInterfaces } from './fakeInterfaces.js';

const where = { file: '/etc/ha.d/ha.cf', line: 7, column: 1 };
const open: Array<Transport | Socket> = [];
after(async () => {
  for (const t of open) {
    if ('open' in t) await t.close();
    else t.close();
  }
});

function nextFrame(t: Transport): Promise<{ text: string; from: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${t.id}: no frame within 3 s`));
    }, 3000);
    const off = t.onFrame((frame, from) => {
      clearTimeout(timer);
      off();
      resolve({ text: Buffer.from(frame).toString(), from });
    });
  });
}

async function opened(factory: UdpTransportFactory, spec: MediaSpec): Promise<Transport> {
  const transport = factory.create(spec, testContext().context);
  open.push(transport);
  await transport.open();
  return transport;
}

async function openError(factory: UdpTransportFactory, spec: MediaSpec): Promise<{ code: string; message: string }> {
  const transport = factory.create(spec, testContext().context);
  const error: unknown = await transport.open().then(
    () => assert.fail('open() should have failed'),
    (e: unknown) => e,
  );
  assert.ok(isHaError(error), `expected an HaError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('ucast on loopback', () => {
  test('two media on lo (as 127.0.0.1 and 127.0.0.2) exchange frames both ways', async () => {
    const port = await freeUdpPort();
    const a = await opened(
      new UdpTransportFactory(withInterfaces({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0' }] })),
      { kind: 'ucast', interface: 'lo', peer: '127.0.0.2', port, where },
    );
    const b = await opened(
      new UdpTransportFactory(withInterfaces({ lo: [{ address: '127.0.0.2', netmask: '255.0.0.0' }] })),
      { kind: 'ucast', interface: 'lo', peer: '127.0.0.1', port, where },
    );
    assert.equal(a.linkName, 'lo');
    assert.equal(a.wireFormat, 'netstring');
    assert.equal(a.id, 'ucast lo 127.0.0.2');
    const atB = nextFrame(b);
    await a.send(Buffer.from('###\nfrom-a'));
    assert.deepEqual(await atB, { text: '###\nfrom-a', from: '127.0.0.1' });
    const atA = nextFrame(a);
    await b.send(Buffer.from('###\nfrom-b'));
    assert.deepEqual(await atA, { text: '###\nfrom-b', from: '127.0.0.2' });
  });

  test('a line naming our own address sends nothing but still receives, like heartbeat', async () => {
    const port = await freeUdpPort();
    const self = await opened(new UdpTransportFactory(), { kind: 'ucast', interface: 'lo', peer: '127.0.0.1', port, where });
    assert.ok(self instanceof UcastTransport && self.namesSelf);
    const received: string[] = [];
    self.onFrame((f) => received.push(Buffer.from(f).toString()));
    await self.send(Buffer.from('to-myself'));
    const other = createSocket('udp4');
    open.push(other);
    const got = nextFrame(self);
    other.send('from-peer', port, '127.0.0.1');
    assert.equal((await got).text, 'from-peer');
    assert.deepEqual(received, ['from-peer']);
  });

  test('a datagram that cannot be sent is logged as a lost packet, not thrown', async () => {
    const port = await freeUdpPort();
    const { context, sink } = testContext();
    const factory = new UdpTransportFactory(withInterfaces({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0' }] }));
    const t = factory.create({ kind: 'ucast', interface: 'lo', peer: '127.0.0.2', port, where }, context);
    open.push(t);
    await t.open();
    await t.send(new Uint8Array(70_000)); // above the 65,507-byte UDP limit: EMSGSIZE
    await t.send(new Uint8Array(70_000));
    const warnings = sink.messages('warn');
    assert.equal(warnings.length, 1, 'the second failure inside the report interval is counted, not logged');
    assert.match(warnings[0] ?? '', /ucast lo 127\.0\.0\.2: cannot send packet: .*EMSGSIZE/);
  });
});

describe('bcast on loopback', () => {
  test('frames go to the broadcast address of the interface and our own come back', async () => {
    const port = await freeUdpPort();
    const t = await opened(new UdpTransportFactory(), { kind: 'bcast', interface: 'lo', port, where });
    const own = nextFrame(t);
    await t.send(Buffer.from('mine'));
    assert.deepEqual(await own, { text: 'mine', from: '127.0.0.1' });
    const peer = createSocket('udp4');
    open.push(peer);
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.9', resolve));
    peer.setBroadcast(true);
    const theirs = nextFrame(t);
    peer.send('theirs', port, '127.255.255.255');
    assert.deepEqual(await theirs, { text: 'theirs', from: '127.0.0.9' });
  });

  test('a unicast datagram to the port is not a broadcast and is not received', async () => {
    const port = await freeUdpPort();
    const t = await opened(new UdpTransportFactory(), { kind: 'bcast', interface: 'lo', port, where });
    const received: string[] = [];
    t.onFrame((f) => received.push(Buffer.from(f).toString()));
    const peer = createSocket('udp4');
    open.push(peer);
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
    peer.setBroadcast(true);
    await new Promise<void>((resolve) => peer.send('unicast', port, '127.0.0.1', () => resolve()));
    await new Promise<void>((resolve) => peer.send('broadcast', port, '127.255.255.255', () => resolve()));
    const deadline = Date.now() + 2000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(received, ['broadcast']);
  });
});

describe('errors name the directive, the file and the line', () => {
  test('missing interface', async () => {
    const { code, message } = await openError(new UdpTransportFactory(), { kind: 'bcast', interface: 'nosuch0', port: 694, where });
    assert.equal(code, 'UDP_INTERFACE_NOT_FOUND');
    assert.match(message, /^bcast nosuch0 \(\/etc\/ha\.d\/ha\.cf:7\): interface nosuch0 does not exist/);
  });

  test('port in use, for bcast and ucast; the port is released after the failure', async () => {
    const port = await freeUdpPort();
    const blocker = createSocket({ type: 'udp4' });
    await new Promise<void>((resolve) => blocker.bind(port, '0.0.0.0', resolve));
    try {
      for (const spec of [
        { kind: 'bcast', interface: 'lo', port, where },
        { kind: 'ucast', interface: 'lo', peer: '127.0.0.2', port, where: { ...where, line: 9 } },
      ] satisfies MediaSpec[]) {
        const { code, message } = await openError(new UdpTransportFactory(), spec);
        assert.equal(code, 'UDP_PORT_IN_USE');
        assert.match(message, new RegExp(`ha\\.cf:${spec.where.line}\\): UDP port ${port} is already in use`));
      }
    } finally {
      await new Promise<void>((resolve) => blocker.close(resolve));
    }
    await opened(new UdpTransportFactory(), { kind: 'bcast', interface: 'lo', port, where });
  });

  test('mcast group that is not multicast', async () => {
    const spec: MediaSpec = { kind: 'mcast', interface: 'lo', group: '10.1.2.3', port: 694, ttl: 1, loop: false, where };
    const { code, message } = await openError(new UdpTransportFactory(), spec);
    assert.equal(code, 'UDP_BAD_ADDRESS');
    assert.match(message, /^mcast lo 10\.1\.2\.3 694 1 0 \(\/etc\/ha\.d\/ha\.cf:7\): 10\.1\.2\.3 is not an IPv4 multicast/);
  });

  test('unresolvable ucast peer', async () => {
    const env = {
      ...nodeUdpEnvironment,
      lookup: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND nosuchpeer'), { code: 'ENOTFOUND' })),
    };
    const { code, message } = await openError(new UdpTransportFactory(env), { kind: 'ucast', interface: 'lo', peer: 'nosuchpeer', port: 694, where });
    assert.equal(code, 'UDP_PEER_UNRESOLVED');
    assert.match(message, /ucast lo nosuchpeer \(\/etc\/ha\.d\/ha\.cf:7\): cannot resolve peer nosuchpeer/);
  });

  test('IPv6 form on an interface without IPv6', async () => {
    const env = withInterfaces({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0' }] });
    const { code, message } = await openError(new UdpTransportFactory(env), { kind: 'ucast6', interface: 'lo', peer: 'fe80::1', port: 694, where });
    assert.equal(code, 'UDP_INTERFACE_NO_ADDRESS');
    assert.match(message, /ucast6 lo fe80::1 .*: interface lo has no IPv6 address/);
  });

  test('a medium the plugin does not serve', () => {
    assert.throws(
      () => new UdpTransportFactory().create({ kind: 'serial', device: '/dev/ttyS0', baud: 19200, where }, testContext().context),
      (e: unknown) => isHaError(e) && e.code === 'UDP_UNSUPPORTED_MEDIUM',
    );
  });
});

describe('plugin contract', () => {
  test('core can construct the factory with no arguments (tsyringe sees constructor length 0)', () => {
    assert.equal(UdpTransportFactory.length, 0);
    assert.deepEqual([...new UdpTransportFactory().kinds].sort(), ['bcast', 'mcast', 'mcast6', 'ucast', 'ucast6']);
  });

  test('every manifest entry names a module and export that exist', async () => {
    const pkgUrl = new URL('../../package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(pkgUrl, 'utf8')) as {
      oclif?: unknown;
      heartline: { apiVersion: number; transports: Record<string, string> };
    };
    assert.equal(pkg.heartline.apiVersion, 1);
    assert.ok(pkg.oclif !== undefined, 'an oclif plugin, so `ha plugins install` accepts it');
    const kinds = Object.keys(pkg.heartline.transports).sort();
    assert.deepEqual(kinds, [...new UdpTransportFactory().kinds].sort());
    for (const entry of Object.values(pkg.heartline.transports)) {
      const [path, name] = entry.split('#') as [string, string];
      const module = (await import(new URL(path, pkgUrl).href)) as Record<string, unknown>;
      const exported = module[name] as (new () => { kinds: readonly string[] }) | undefined;
      assert.equal(typeof exported, 'function', `${entry} is exported`);
      assert.ok(new exported!().kinds.length > 0);
    }
  });

  test('close is idempotent and send after close is a bug, reported as such', async () => {
    const port = await freeUdpPort();
    const t = await opened(new UdpTransportFactory(), { kind: 'bcast', interface: 'lo', port, where });
    await t.close();
    await t.close();
    await assert.rejects(t.send(Buffer.from('x')), /send\(\) on a medium that is closed/);
  });
});
