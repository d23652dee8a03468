import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FenceConfirmations } from '../../src/fencing/FenceConfirmations.js';
import type { FenceContext } from '../../src/fencing/FenceContext.js';
import type { Fencer } from '../../src/fencing/Fencer.js';
import { fenceResults } from '../../src/fencing/fenceResults.js';
import { ScriptedFencer, type ScriptedFencerOptions } from '../../src/testing/ScriptedFencer.js';
import { scriptedFencing } from '../../src/testing/scriptedFencing.js';
import { failoverCluster } from './failoverCluster.js';

type Cluster = ReturnType<typeof failoverCluster>;

/** Both nodes up with their own groups (auto_failback on); node2 resets dead peers with `fencer`. */
async function fencedCluster(fencer: Fencer, confirmations?: FenceConfirmations): Promise<Cluster> {
  const c = failoverCluster('on', undefined, undefined, [], undefined, (name) =>
    name === 'node2' ? scriptedFencing(fencer, confirmations === undefined ? {} : { confirmations }) : undefined,
  );
  for (const n of c.nodes) await n.node.start();
  await c.run(20_000);
  assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2']);
  return c;
}

async function crashNode1(c: Cluster): Promise<void> {
  await c.nodes[0]!.node.halt();
  c.services.crash('node1', c.clock.now());
}

const node2 = (c: Cluster) => c.nodes[1]!;
const starts = (c: Cluster, node: string) => c.services.events.filter((e) => e.node === node && e.operation === 'start').map((e) => e.resource);
const stonithMessages = (c: Cluster) => c.messages.filter((m) => m.includes(' stonith '));
const fencingStatus = (c: Cluster) => node2(c).node.status().resources?.fencing;

function scripted(options: ScriptedFencerOptions): ScriptedFencer {
  return new ScriptedFencer(options);
}

describe('fencing: a dead peer that may hold resources is reset before its groups are taken (heartbeat §7.6)', () => {
  it('a reset that works: stonith result=OK, "node node1 now reset.", then the takeover', async () => {
    const fencer = scripted({ durationMs: 500 });
    const c = await fencedCluster(fencer);
    const before = node2(c).lines().length;
    await crashNode1(c);
    await c.run(10_000);
    assert.deepEqual(stonithMessages(c), ['node2: stonith node=node1 result=OK']);
    assert.deepEqual(starts(c, 'node2').sort(), ['svcA', 'svcA2', 'svcB']);
    const lines = node2(c).lines().slice(before);
    const order = ['WARN: node node1: is dead', 'info: Resetting node node1 with [scripted]', 'info: node node1 now reset.', 'info: Resources being acquired from node1.'];
    const at = order.map((l) => lines.indexOf(l));
    assert.ok(at.every((i) => i >= 0), `missing lines: ${order.filter((_, i) => at[i]! < 0).join(' | ')}\n${lines.join('\n')}`);
    assert.deepEqual([...at].sort((a, b) => a - b), at, 'dead, reset, now reset, acquired: in that order');
    assert.ok(!lines.some((l) => l.includes('No STONITH device configured')));
    assert.equal(fencer.resets.length, 1);
    const reset = fencer.resets[0]!;
    assert.equal(reset.node, 'node1');
    const firstStart = c.services.events.find((e) => e.node === 'node2' && e.resource === 'svcA' && e.operation === 'start');
    assert.ok(firstStart !== undefined && firstStart.atMs >= reset.atMs + 500, 'svcA starts only after the device answered');
    assert.deepEqual(fencingStatus(c)?.resets, [], 'nothing in progress any more');
  });

  it('a failed reset means no takeover: result=bad, the ERROR line, a retry every 5 s; a later success takes over', async () => {
    const fencer = scripted({ outcomes: ['bad', 'bad', 'bad'] });
    const c = await fencedCluster(fencer);
    await crashNode1(c);
    await c.run(16_000);
    assert.equal(fencer.resets.length, 3, 'three attempts so far');
    assert.deepEqual(starts(c, 'node2'), ['svcB'], 'node1\'s group is not taken while the reset fails');
    assert.deepEqual(c.services.on('node2'), ['svcB']);
    assert.deepEqual(stonithMessages(c), Array(3).fill('node2: stonith node=node1 result=bad'));
    const lines = node2(c).lines();
    assert.equal(lines.filter((l) => l === 'ERROR: STONITH of node1 failed.  Retrying...').length, 3);
    assert.equal(lines.filter((l) => l === 'ERROR: Host node1 not reset!').length, 3);
    assert.equal(lines.filter((l) => l.startsWith('CRIT: node1\'s resource groups stay unserved')).length, 1, 'loud once');
    assert.ok(lines.some((l) => l.startsWith('ERROR: FENCE_FAILED: resetting node1 with [scripted] failed (attempt 2): the scripted device failed to reset node1')));
    // The next attempt starts 5 s after the failed one ended (the test's clock moves in 10 ms steps).
    const gaps = fencer.resets.slice(1).map((r, i) => r.atMs - fencer.resets[i]!.atMs);
    assert.ok(gaps.every((g) => g >= 5000 && g <= 5010), `retried every 5 s: ${gaps.join(', ')}`);
    const status = fencingStatus(c);
    assert.equal(status?.device, 'scripted');
    assert.equal(status?.resets.length, 1);
    assert.equal(status?.resets[0]?.node, 'node1');
    assert.equal(status?.resets[0]?.attempts, 3);
    assert.equal(status?.resets[0]?.lastError, 'the scripted device failed to reset node1');
    assert.equal(node2(c).node.status().resources?.stable, true, 'stable between attempts');

    await c.run(6_000);
    assert.equal(fencer.resets.length, 4);
    assert.deepEqual(stonithMessages(c).at(-1), 'node2: stonith node=node1 result=OK');
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB'], 'taken over after the reset that worked');
    assert.deepEqual(fencingStatus(c)?.resets, []);
    await c.run(20_000);
    assert.equal(fencer.resets.length, 4, 'no reset after the one that worked');
  });

  it('badhost: result=badhost and "Device … cannot reset host", retried like any failure', async () => {
    const fencer = scripted({ outcomes: ['badhost'] });
    const c = await fencedCluster(fencer);
    await crashNode1(c);
    await c.run(12_000);
    assert.deepEqual(stonithMessages(c), ['node2: stonith node=node1 result=badhost', 'node2: stonith node=node1 result=OK']);
    assert.ok(node2(c).lines().includes('ERROR: Device scripted cannot reset host node1.'));
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
  });

  it('a device that never answers: the reset times out, counts as failed and is retried', async () => {
    const fencer = scripted({ outcomes: ['hang'], resetTimeoutMs: 3000 });
    const c = await fencedCluster(fencer);
    await crashNode1(c);
    await c.run(5_000);
    assert.deepEqual(c.services.on('node2'), ['svcB'], 'nothing taken while the device hangs');
    await c.run(10_000);
    assert.deepEqual(stonithMessages(c), ['node2: stonith node=node1 result=bad', 'node2: stonith node=node1 result=OK']);
    assert.ok(node2(c).lines().some((l) => l.includes('the reset of node1 timed out after 3000 ms')));
    const gap = fencer.resets[1]!.atMs - fencer.resets[0]!.atMs;
    assert.ok(gap >= 8000 && gap <= 8010, `timed out after 3 s, retried 5 s later: ${gap} ms`);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
  });

  it('the peer comes back during the retries (a partition heals): the retries stop and nothing is taken', async () => {
    const fencer = scripted({ then: 'bad' });
    const c = await fencedCluster(fencer);
    c.network.isolate('node1');
    await c.run(12_000);
    assert.ok(fencer.resets.length >= 2, `retrying (${fencer.resets.length} attempts)`);
    assert.deepEqual(starts(c, 'node2'), ['svcB'], 'node1 still runs its group: node2 must not start it');
    c.network.isolate('node1', false);
    await c.run(3_000);
    const attempts = fencer.resets.length;
    assert.ok(node2(c).lines().includes('info: STONITH of node1 abandoned: node1 is back.'));
    assert.deepEqual(fencingStatus(c)?.resets, []);
    await c.run(20_000);
    assert.equal(fencer.resets.length, attempts, 'no reset once node1 is back');
    assert.ok(!node2(c).lines().includes('info: Resources being acquired from node1.'));
  });

  it('a partition: the peer, cut off but running its group, is powered off before its group starts here (never on both)', async () => {
    const world: { cluster?: Cluster } = {};
    const fencer = scripted({
      durationMs: 1000,
      powerOff: async (node) => {
        await world.cluster!.nodes[0]!.node.halt();
        world.cluster!.services.crash(node, world.cluster!.clock.now());
      },
    });
    const c = await fencedCluster(fencer);
    world.cluster = c;
    c.network.isolate('node1');
    await c.run(12_000);
    assert.deepEqual(c.services.on('node1'), [], 'node1 was powered off');
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    const crash = c.services.events.find((e) => e.node === 'node1' && e.operation === 'crash');
    const starts = c.services.events.filter((e) => e.node === 'node2' && e.operation === 'start' && e.resource.startsWith('svcA'));
    assert.ok(crash !== undefined && starts.length === 2 && starts.every((e) => e.atMs >= crash.atMs), 'svcA started on node2 only after node1 lost its power');
    assert.ok(!c.services.events.some((e) => e.node === 'node1' && e.operation === 'stop'), 'node1 ran its group until the power cut');
  });

  it('the peer restarts (a new generation) during the retries: the retries stop', async () => {
    const fencer = scripted({ then: 'bad' });
    const c = await fencedCluster(fencer);
    await crashNode1(c);
    await c.run(12_000);
    assert.ok(fencer.resets.length >= 2);
    await c.restart(0, 0x200).node.start();
    await c.run(3_000);
    const attempts = fencer.resets.length;
    await c.run(20_000);
    assert.equal(fencer.resets.length, attempts, 'no reset once node1 is back');
    assert.ok(node2(c).lines().includes('info: STONITH of node1 abandoned: node1 is back.'));
    assert.ok(!node2(c).lines().includes('info: Resources being acquired from node1.'));
  });

  it('a graceful stop during the retries stops them; the node leaves without waiting for the device', async () => {
    const fencer = scripted({ outcomes: ['bad'], then: 'hang' });
    const c = await fencedCluster(fencer);
    await crashNode1(c);
    await c.run(12_000);
    assert.equal(fencer.resets.length, 2, 'the second attempt hangs');
    const stopped = node2(c).node.stop();
    await c.run(5_000);
    await stopped;
    assert.ok(node2(c).lines().includes('info: STONITH of node1 abandoned: the node is shutting down.'));
    assert.ok(node2(c).lines().includes('info: node2 Heartbeat shutdown complete.'));
    assert.equal(fencer.resets.length, 2);
  });

  it('meatware: the reset waits for `ha fence confirm node1` (FenceConfirmations), then takes over', async () => {
    const confirmations = new FenceConfirmations();
    const waitingFencer: Fencer = {
      type: 'operator',
      validate: () => Promise.resolve([]),
      resetTimeoutMs: Number.POSITIVE_INFINITY,
      reset: async (node: string, context: FenceContext) =>
        (await context.confirmations.waitFor(node, context.signal)) ? fenceResults.ok() : fenceResults.bad('no confirmation'),
    };
    const c = await fencedCluster(waitingFencer, confirmations);
    await crashNode1(c);
    await c.run(60_000);
    assert.deepEqual(c.services.on('node2'), ['svcB'], 'nothing taken before the operator confirms, however long it takes');
    assert.deepEqual(confirmations.waiting(), ['node1']);
    assert.equal(fencingStatus(c)?.resets[0]?.awaitingConfirmation, true);
    assert.equal(node2(c).node.status().resources?.stable, false, 'in transition while the reset waits');
    assert.equal(confirmations.confirm('node2'), 0, 'no reset of node2 waits');
    assert.equal(confirmations.confirm('NODE1'), 1);
    await c.run(2_000);
    assert.deepEqual(stonithMessages(c), ['node2: stonith node=node1 result=OK']);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    assert.deepEqual(confirmations.waiting(), []);
  });

  it('the device is checked at comm-up and then every hour; a failed check is logged, nothing else changes', async () => {
    const fencer = scripted({ status: 'bad' });
    const c = await fencedCluster(fencer);
    const checks = () => node2(c).lines().filter((l) => l === 'info: Checking status of STONITH device [scripted]').length;
    assert.equal(checks(), 1);
    assert.ok(node2(c).lines().includes('ERROR: STONITH status operation failed.'));
    assert.ok(node2(c).lines().includes('info: This may mean that the STONITH device has failed!'));
    assert.equal(fencingStatus(c)?.lastCheck?.ok, false);
    for (let s = 0; s < 3600; s++) {
      c.clock.advance(1000);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    assert.equal(checks(), 2, 'checked again an hour later');
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2']);
    assert.equal(fencer.resets.length, 0);
  });

  it('a dead node that gave up its resources needs no reset (result=unneeded), device or not', async () => {
    const fencer = scripted({});
    const c = await fencedCluster(fencer);
    const stopped = c.nodes[0]!.node.stop();
    await c.run(15_000);
    await stopped;
    assert.deepEqual(stonithMessages(c), ['node2: stonith node=node1 result=unneeded']);
    assert.equal(fencer.resets.length, 0);
  });
});
