import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { container } from 'tsyringe';
import type { TimeoutRule } from '../../src/config/HeartlineCf.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import { parseHeartlineCf } from '../../src/config/parseHeartlineCf.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { GroupActivator } from '../../src/resources/GroupActivator.js';
import { StaticAgentProvider } from '../../src/resources/StaticAgentProvider.js';
import { ManualClock } from '../../src/time/ManualClock.js';
import { haCfText, makeCluster, settle } from '../node/cluster.js';
import { InitScriptWorld } from './InitScriptWorld.js';

function timeoutRules(text: string): readonly TimeoutRule[] {
  const { config, issues } = parseHeartlineCf(text, '/etc/ha.d/heartline.cf');
  assert.deepEqual(issues, []);
  return config.timeouts;
}

/** Advances the clock 10 ms at a time until `promise` settles; its value. */
async function drive<T>(clock: ManualClock, promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => {
    done = true;
  });
  await settle();
  while (!done) {
    clock.advance(10);
    await settle();
  }
  return promise;
}

function activator(heartlineCf: string) {
  const clock = new ManualClock();
  const world = new InitScriptWorld(() => clock);
  const sink = new MemorySink();
  const [group] = parseHaResources('node1 svca hlhang svcz\n', '/etc/ha.d/haresources', ['node1']).groups;
  const act = new GroupActivator({
    nodeName: 'node1',
    logger: new StructuredLogger([sink], clock),
    clock,
    agents: new StaticAgentProvider([world.agent()]),
    container: container.createChildContainer(),
    commands: world.runner('node1'),
    haDir: '/etc/ha.d',
    initDir: '/etc/init.d',
    env: {},
    stopRetries: 0,
    timeoutRules: timeoutRules(heartlineCf),
  });
  const starts = (script: string) => world.calls.filter((c) => c.script === script && c.operation === 'start');
  return { clock, world, sink, act, group: group!, starts };
}

describe('resource operation timeouts from heartline.cf', () => {
  it('a start hanging past its configured 1 s is killed at 1 s, counts as failed, and the group is rolled back right to left', async () => {
    const { clock, world, sink, act, group, starts } = activator('timeouts hlhang start=1s\n');
    world.hanging.add('node1/hlhang');
    const outcome = await drive(clock, act.takeGroup(group));

    assert.deepEqual(outcome, { ok: false, resource: 'hlhang', operation: 'start', result: { status: 'timed-out', afterMs: 1000 } });
    assert.deepEqual(starts('hlhang').map((c) => c.timeoutMs), [1000], 'the configured start timeout reached the command');
    assert.deepEqual(starts('svca').map((c) => c.timeoutMs), [120_000], 'a resource without a line keeps the default');
    const [kill] = world.kills;
    assert.equal(kill?.atMs, starts('hlhang')[0]!.atMs + 1000, 'its process group was killed when the 1 s passed');
    assert.deepEqual(
      world.calls.filter((c) => c.operation !== 'status').map((c) => `${c.script} ${c.operation}`),
      ['svca start', 'hlhang start', 'hlhang stop', 'svca stop'],
      'the half-started resource and what started before it are stopped, right to left; svcz never starts',
    );
    assert.deepEqual(world.on('node1'), []);
    const errors = sink.messages('error');
    assert.ok(errors.includes('/etc/init.d/hlhang start timed out after 1000 ms; its process group was killed'), errors.join('\n'));
    assert.ok(
      errors.includes("RESOURCE_START_FAILED: hlhang timed out after 1000 ms (the start timeout 1 s is set by heartline.cf:1 ('timeouts' line); raise it there if hlhang needs longer)"),
      errors.join('\n'),
    );
    assert.ok(sink.messages('crit').includes('Giving up resources due to failure of hlhang'));
    const failed = sink.records.find((r) => r.message.startsWith('RESOURCE_START_FAILED'));
    assert.equal(failed?.fields['code'], 'RESOURCE_START_FAILED');
  });

  it('without a timeouts line the start runs into the default 120 s, and the log says how to change it', async () => {
    const { clock, world, sink, act, group, starts } = activator('timeouts svca stop=30s\n');
    world.hanging.add('node1/hlhang');
    const begun = clock.now();
    const outcome = await drive(clock, act.takeGroup(group));
    assert.equal(outcome.ok, false);
    assert.deepEqual(starts('hlhang').map((c) => c.timeoutMs), [120_000]);
    assert.ok(clock.now() - begun >= 120_000);
    assert.deepEqual(world.calls.filter((c) => c.operation === 'stop').map((c) => `${c.script} ${c.timeoutMs}`), ['hlhang 120000', 'svca 30000'], 'each stop with its own timeout');
    assert.ok(
      sink.messages('error').includes("RESOURCE_START_FAILED: hlhang timed out after 120000 ms (the start timeout 120 s is the default; a line 'timeouts hlhang start=DURATION' in heartline.cf changes it)"),
      sink.messages('error').join('\n'),
    );
  });

  it('each resource gets its own start and stop timeouts, key by key over the defaults', async () => {
    const { clock, world, act, group } = activator('timeouts svca start=5s stop=6s\ntimeouts svcz start=7s\n');
    assert.deepEqual(await drive(clock, act.takeGroup(group)), { ok: true });
    assert.deepEqual(await drive(clock, act.giveGroup(group)), { ok: true });
    assert.deepEqual(
      world.calls.filter((c) => c.operation !== 'status').map((c) => `${c.script} ${c.operation} ${c.timeoutMs}`),
      ['svca start 5000', 'hlhang start 120000', 'svcz start 7000', 'svcz stop 120000', 'hlhang stop 120000', 'svca stop 6000'],
    );
    assert.ok(world.calls.filter((c) => c.operation === 'status').every((c) => c.timeoutMs === 30_000), 'status keeps its own timeout');
  });
});

describe('timeouts through the node: ResourceLayerOptions.timeoutRules', () => {
  it("node1's start of hlhang hangs past `timeouts hlhang start=1s`: killed after 1 s, rolled back, and node2 runs the group", async () => {
    // The world reads the cluster's clock only once the nodes run.
    const world = new InitScriptWorld(() => cluster.clock);
    world.hanging.add('node1/hlhang');
    const names = ['node1', 'node2'];
    const { groups } = parseHaResources('node1 svca hlhang\nnode2 svcb\n', '/etc/ha.d/haresources', names);
    const rules = timeoutRules('timeouts hlhang start=1s   # fails fast\n');
    const cluster = makeCluster(names, {
      haCf: haCfText(names, 'auto_failback on\n'),
      resources: (name) => ({
        groups,
        agents: new StaticAgentProvider([world.agent()]),
        commands: world.runner(name),
        haDir: '/etc/ha.d',
        initDir: '/etc/init.d',
        timeoutRules: rules,
      }),
    });
    const run = async (ms: number) => {
      for (let t = 0; t < ms; t += 10) {
        cluster.clock.advance(10);
        await settle();
      }
    };
    for (const n of cluster.nodes) await n.node.start();
    await run(20_000);
    const [node1] = cluster.nodes;
    const hung = world.calls.filter((c) => c.node === 'node1' && c.script === 'hlhang' && c.operation === 'start');
    assert.deepEqual(hung.map((c) => c.timeoutMs), [1000]);
    assert.deepEqual(world.kills.map((k) => `${k.node} ${k.script} +${k.atMs - hung[0]!.atMs} ms`), ['node1 hlhang +1000 ms']);
    assert.ok(
      node1!.lines().includes("ERROR: RESOURCE_START_FAILED: hlhang timed out after 1000 ms (the start timeout 1 s is set by heartline.cf:1 ('timeouts' line); raise it there if hlhang needs longer)"),
      node1!.lines().join('\n'),
    );
    assert.deepEqual(world.on('node1'), [], 'svca was stopped again');
    assert.equal(node1!.node.status().resources?.groups.find((g) => g.key === 'svca')?.failure, 'start of hlhang failed');

    // As after any failed start: node1 gives the group up and node2, whose hlhang starts, runs it.
    await run(35_000);
    assert.deepEqual(world.on('node2'), ['hlhang', 'svca', 'svcb']);
    assert.deepEqual(world.on('node1'), []);
    assert.deepEqual(
      world.calls.filter((c) => c.node === 'node2' && c.script === 'hlhang' && c.operation === 'start').map((c) => c.timeoutMs),
      [1000],
      'node2 reads the same heartline.cf',
    );
    for (const n of cluster.nodes) await drive(cluster.clock, n.node.stop());
  });
});
