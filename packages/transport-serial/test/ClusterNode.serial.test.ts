import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterNode, MemorySink, PluginTransportRegistry, StructuredLogger, SystemClock, parseAuthKeys, parseHaCf } from '@heartline/core';
import type { MembershipEvent } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { SocatCable } from '../src/testing.js';

const skip = e2eSkipReason({ root: false, commands: ['socat'] }) ?? false;
const packageRoot = fileURLToPath(new URL('../../', import.meta.url)); // from dist/test/

/** This package as the CLI would describe it to core: its manifest, read from package.json. */
function registry(): PluginTransportRegistry {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; heartline: unknown };
  return new PluginTransportRegistry([{ packageName: pkg.name, packageRoot, manifest: pkg.heartline }]);
}

function startNode(name: string, device: string, keepalive: string, deadtime: string, clock: SystemClock) {
  const { config: haCf, issues } = parseHaCf(
    `keepalive ${keepalive}\ndeadtime ${deadtime}\ninitdead 10\nbaud 19200\nserial ${device}\nnode node1\nnode node2\n`,
    '/etc/ha.d/ha.cf',
  );
  assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
  const { keys } = parseAuthKeys('auth 1\n1 sha1 hbl-lab-test-key\n', '/etc/ha.d/authkeys');
  assert.ok(keys !== undefined);
  const sink = new MemorySink();
  const stateDir = mkdtempSync(join(tmpdir(), `heartline-serial-${name}-`));
  const node = new ClusterNode({
    nodeName: name,
    haCf,
    authKeys: keys,
    transports: registry(),
    clock,
    logger: new StructuredLogger([sink], clock).child({ node: name }),
    stateDir,
  });
  const events: Array<MembershipEvent & { atMs: number }> = [];
  node.on((event) => {
    if (event.kind !== 'message') events.push({ ...event, atMs: clock.now() });
  });
  return { name, node, sink, events, stateDir };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const clock = new SystemClock();
  const until = clock.now() + timeoutMs;
  while (!condition()) {
    if (clock.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await clock.sleep(10);
  }
}

test('two Heartline nodes joined only by a serial cable at 19200 baud: join, then the peer is dead within deadtime + 300 ms of its last word', { skip, timeout: 90_000 }, async (t) => {
  const clock = new SystemClock();
  const cable = new SocatCable('heartline-serial-2node-', true);
  await cable.plug();
  const node1 = startNode('node1', cable.a, '500ms', '2', clock);
  const node2 = startNode('node2', cable.b, '500ms', '2', clock);
  try {
    await Promise.all([node1.node.start(), node2.node.start()]);
    const peerActive = (n: typeof node1, peer: string) =>
      n.node.status().nodes.some((x) => x.name === peer && x.status === 'active' && x.links.some((l) => l.name.endsWith('ttyA') || l.name.endsWith('ttyB')));
    await waitFor('both nodes active and seeing each other over the cable', () => peerActive(node1, 'node2') && peerActive(node2, 'node1') && node1.node.status().commUp && node2.node.status().commUp, 30_000);
    for (const n of [node1, node2]) {
      assert.equal(n.node.status().localStatus, 'active');
      assert.equal(n.node.status().badPackets['total'] ?? 0, 0, `${n.name} refused no packet`);
    }

    // Let the start-up burst pass, then measure what each node puts on the line at keepalive 500 ms.
    await clock.sleep(3000);
    const size = (f: string) => statSync(join(cable.dir, f)).size;
    const [a0, b0] = [size('aToB.bin'), size('bToA.bin')];
    await clock.sleep(5000);
    const [a1, b1] = [size('aToB.bin'), size('bToA.bin')];
    const rates = [(a1 - a0) / 5, (b1 - b0) / 5];
    t.diagnostic(`bytes/s on the line at keepalive 500 ms: node1 ${rates[0]}, node2 ${rates[1]}`);
    for (const rate of rates) assert.ok(rate > 350 && rate < 700, `bytes/s at keepalive 500 ms: ${rates.join(', ')}`);

    // node2 falls silent at once (the cable end of node2 dies with it): node1 must call it dead in time.
    const killedAt = clock.now();
    await cable.unplug();
    await waitFor('node1 declaring node2 dead', () => node1.events.some((e) => e.kind === 'node-dead' && e.node === 'node2'), 10_000);
    const deadAt = node1.events.find((e) => e.kind === 'node-dead')?.atMs ?? Infinity;
    t.diagnostic(`node2 declared dead ${Math.round(deadAt - killedAt)} ms after it fell silent (deadtime 2000 ms)`);
    assert.ok(deadAt - killedAt <= 2000 + 300, `node2 declared dead ${Math.round(deadAt - killedAt)} ms after it fell silent`);
    assert.ok(deadAt - killedAt >= 2000 - 500 - 50, 'not before deadtime minus one keepalive');
  } finally {
    await Promise.all([node1.node.stop().catch(() => undefined), node2.node.stop().catch(() => undefined)]);
    await cable.dispose();
    for (const n of [node1, node2]) rmSync(n.stateDir, { recursive: true, force: true });
  }
});
