import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/time/ManualClock.js';
import { InMemoryNetwork } from '../../src/testing/InMemoryNetwork.js';

async function endpoints(net: InMemoryNetwork, spec: Array<[string, string, boolean]>) {
  const got = new Map<string, string[]>();
  const out = [];
  for (const [node, segment, loopback] of spec) {
    const t = net.attach(node, segment, { loopback });
    await t.open();
    const key = `${node}@${segment}`;
    got.set(key, []);
    t.onFrame((frame, from) => got.get(key)?.push(`${from}:${Buffer.from(frame).toString()}`));
    out.push(t);
  }
  return { got, out };
}

describe('InMemoryNetwork (test kit and simulator network)', () => {
  it('delivers after the latency to every other node on the segment, and to itself when looping back', async () => {
    const clock = new ManualClock();
    const net = new InMemoryNetwork(clock, { latencyMs: 3 });
    const { got, out } = await endpoints(net, [
      ['a', 'eth0', true],
      ['b', 'eth0', true],
      ['c', 'eth1', true],
    ]);
    await out[0]!.send(Buffer.from('x'));
    clock.advance(2);
    assert.deepEqual(got.get('b@eth0'), []);
    clock.advance(1);
    assert.deepEqual(got.get('b@eth0'), ['a:x']);
    assert.deepEqual(got.get('a@eth0'), ['a:x']);
    assert.deepEqual(got.get('c@eth1'), [], 'another segment');
  });

  it('cuts one way or both, isolates a node, and drops by the loss rate', async () => {
    const clock = new ManualClock();
    let r = 0;
    const net = new InMemoryNetwork(clock, { random: () => (r = (r + 0.37) % 1) });
    const { got, out } = await endpoints(net, [
      ['a', 'eth0', false],
      ['b', 'eth0', false],
    ]);
    net.cut('a', 'b', true);
    await out[0]!.send(Buffer.from('1'));
    await out[1]!.send(Buffer.from('2'));
    clock.advance(5);
    assert.deepEqual(got.get('b@eth0'), []);
    assert.deepEqual(got.get('a@eth0'), ['b:2']);
    net.heal('a', 'b');
    net.isolate('b');
    await out[0]!.send(Buffer.from('3'));
    clock.advance(5);
    assert.deepEqual(got.get('b@eth0'), []);
    net.isolate('b', false);
    net.setLoss(0.5);
    for (let i = 0; i < 100; i++) await out[0]!.send(Buffer.from('y'));
    clock.advance(5);
    const received = got.get('b@eth0')?.length ?? 0;
    assert.ok(received > 30 && received < 70, `${received} of 100 at 50 % loss`);
    assert.equal(net.stats.sent, 103);
  });

  it('stops delivering to a closed endpoint', async () => {
    const clock = new ManualClock();
    const net = new InMemoryNetwork(clock);
    const { got, out } = await endpoints(net, [
      ['a', 'eth0', false],
      ['b', 'eth0', false],
    ]);
    await out[0]!.send(Buffer.from('late'));
    await out[1]!.close();
    clock.advance(5);
    assert.deepEqual(got.get('b@eth0'), []);
  });
});
