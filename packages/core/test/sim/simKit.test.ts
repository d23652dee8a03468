import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/time/ManualClock.js';
import { InMemoryNetwork } from '../../src/testing/InMemoryNetwork.js';
import { MemoryServices } from '../../src/testing/MemoryServices.js';
import { agentContext } from '../../src/testing/agentContext.js';
import { SimRandom } from '../../src/testing/sim/SimRandom.js';

async function pair(net: InMemoryNetwork) {
  const a = net.attach('a', 'eth0', { loopback: false });
  const b = net.attach('b', 'eth0', { loopback: false });
  await a.open();
  await b.open();
  const got: string[] = [];
  b.onFrame((frame) => got.push(Buffer.from(frame).toString()));
  return { a, got };
}

describe('what the simulator adds to the test kit', () => {
  it('InMemoryNetwork: a delay range reorders frames, duplication delivers copies, both drawn from the seeded random', async () => {
    const clock = new ManualClock();
    const random = new SimRandom(7);
    const net = new InMemoryNetwork(clock, { random: () => random.next() });
    const { a, got } = await pair(net);
    net.setDelay(1, 200);
    for (let i = 0; i < 50; i++) await a.send(Buffer.from(String(i)));
    clock.advance(200);
    assert.equal(got.length, 50);
    assert.notDeepEqual(got, [...got].sort((x, y) => Number(x) - Number(y)), 'frames overtook each other');
    assert.deepEqual([...got].sort((x, y) => Number(x) - Number(y)), Array.from({ length: 50 }, (_, i) => String(i)));
    net.setDelay();
    net.setDuplication(0.5);
    got.length = 0;
    for (let i = 0; i < 100; i++) await a.send(Buffer.from('d'));
    clock.advance(5);
    assert.equal(got.length, 100 + net.stats.duplicated);
    assert.ok(net.stats.duplicated > 30 && net.stats.duplicated < 70, `${net.stats.duplicated} copies at 50 %`);
    assert.throws(() => net.setDelay(5, 1), /need 0 <= min <= max/);
  });

  it('InMemoryNetwork: without a delay range or duplication it draws no randomness (seeded runs replay as before)', async () => {
    const clock = new ManualClock();
    let draws = 0;
    const net = new InMemoryNetwork(clock, { random: () => (draws++, 0.5) });
    const { a, got } = await pair(net);
    for (let i = 0; i < 10; i++) await a.send(Buffer.from('x'));
    clock.advance(1);
    assert.equal(got.length, 10);
    assert.equal(draws, 0);
  });

  it('ManualClock fires thousands of timers, intervals and cancellations in (due, scheduling) order', () => {
    const clock = new ManualClock();
    const random = new SimRandom(11);
    const fired: Array<[number, number]> = [];
    const expected: Array<[number, number]> = [];
    const timers: Array<{ cancel(): void }> = [];
    const cancelled = new Set<number>();
    for (let id = 0; id < 2000; id++) {
      const delay = random.int(0, 500);
      timers.push(clock.setTimeout(() => fired.push([clock.now(), id]), delay));
      expected.push([delay, id]);
    }
    for (let i = 0; i < 500; i++) {
      const id = random.int(0, 1999);
      timers[id]?.cancel();
      cancelled.add(id);
    }
    let ticks = 0;
    const every = clock.setInterval(() => ticks++, 7);
    clock.advance(500);
    every.cancel();
    clock.advance(100);
    const want = expected.filter(([, id]) => !cancelled.has(id)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    assert.deepEqual(fired, want);
    assert.equal(ticks, Math.floor(500 / 7));
    assert.equal(clock.pendingTimers(), 0);
  });

  it('MemoryServices: a start under way when the machine loses power never completes', async () => {
    const clock = new ManualClock();
    const services = new MemoryServices(50);
    const agent = services.agent();
    const ctx = { ...agentContext({ run: () => Promise.reject(new Error('no commands')) }), clock };
    const svc = { spec: 'svc', type: 'svc', args: [] };
    const starting = agent.start(svc, ctx);
    clock.advance(10);
    services.crash('node1', clock.now());
    clock.advance(50);
    assert.deepEqual(await starting, { status: 'failed', reason: 'the machine lost power' });
    assert.deepEqual(services.on('node1'), []);
    const again = agent.start(svc, ctx);
    clock.advance(50);
    assert.deepEqual(await again, { status: 'running' }, 'after the reboot, starts work again');
    assert.deepEqual(services.on('node1'), ['svc']);
  });
});
