import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHeartlineCf } from '../../src/config/parseHeartlineCf.js';
import { failoverCluster } from './failoverCluster.js';

type Cluster = ReturnType<typeof failoverCluster>;

/** Two nodes, each running its own group, with heartline.cf's `text` (every service monitored by default). */
async function monitoredCluster(text = '', mode: 'on' | 'legacy' = 'on'): Promise<Cluster> {
  const { config, issues } = parseHeartlineCf(text, '/etc/ha.d/heartline.cf');
  assert.deepEqual(issues, []);
  const c = failoverCluster(mode, undefined, undefined, [], config.monitors);
  for (const n of c.nodes) await n.node.start();
  await c.run(20_000);
  assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2']);
  return c;
}

function eventsSince(c: Cluster, from: number): string[] {
  return c.services.events.slice(from).map((e) => `${e.node} ${e.operation} ${e.resource}`);
}

function monitorOf(c: Cluster, node: number, key: string) {
  return c.nodes[node]!.node.status().resources?.groups.find((g) => g.key === key)?.monitor;
}

function linesMatching(c: Cluster, node: number, pattern: RegExp): string[] {
  return c.nodes[node]!.lines().filter((l) => pattern.test(l));
}

describe('resource monitoring (in memory)', () => {
  it('a killed resource is restarted in place with the resources right of it, and ha status counts it', async () => {
    const c = await monitoredCluster();
    const from = c.services.events.length;
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(12_000);
    assert.deepEqual(eventsSince(c, from), ['node1 crash svcA', 'node1 stop svcA2', 'node1 start svcA', 'node1 start svcA2']);
    assert.equal(linesMatching(c, 0, /ERROR: MONITOR_FAILED: svcA of resource group svcA is not running \(status: stopped\)/).length, 1);
    assert.equal(linesMatching(c, 0, /WARN: Restarting svcA of resource group svcA in place \(restart 1 of 3 within 10 min\)/).length, 1);
    assert.equal(linesMatching(c, 0, /info: Resource group svcA runs again after the restart of svcA\./).length, 1);
    const monitor = monitorOf(c, 0, 'svcA');
    assert.equal(monitor?.failures, 1);
    assert.equal(monitor?.restarts, 1);
    assert.equal(monitor?.restartsInWindow, 1);
    assert.equal(monitor?.lastFailure?.resource, 'svcA');
    assert.equal(monitor?.lastFailure?.cause, 'status: stopped');
    assert.deepEqual(monitor?.resources.map((r) => `${r.resource} ${r.intervalMs} ${r.origin}`), ['svcA 10000 agent default', 'svcA2 10000 agent default']);
    assert.equal(c.nodes[0]!.node.status().resources?.resourceState, 'local', 'still stable and holding its group');
  });

  it('the last resource of a group is restarted alone', async () => {
    const c = await monitoredCluster();
    const from = c.services.events.length;
    c.services.kill('node1', 'svcA2', c.clock.now());
    await c.run(12_000);
    assert.deepEqual(eventsSince(c, from), ['node1 crash svcA2', 'node1 start svcA2']);
  });

  it('past its restart budget the group goes to the peer through the standby protocol', async () => {
    const c = await monitoredCluster('monitor svcA interval=2s restarts=1 window=1h\n');
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(3_000);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2'], 'first failure: restarted in place');
    const from = c.services.events.length;
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(10_000);
    assert.deepEqual(eventsSince(c, from), [
      'node1 crash svcA',
      'node1 stop svcA2',
      'node2 start svcA',
      'node2 start svcA2',
    ]);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    assert.equal(linesMatching(c, 0, /CRIT: MONITOR_HANDOVER: resource group svcA goes to the peer \(standby \[local\]\): svcA failed again after 1 restart\(s\) within 1 h/).length, 1);
    assert.ok(c.messages.includes('node1: ask_resources rsc_hold=local info=me'), c.messages.join('\n'));
    assert.equal(monitorOf(c, 0, 'svcA')?.handovers, 1);
    // The peer now runs node1's group and monitors it with the same settings.
    assert.deepEqual(monitorOf(c, 1, 'svcA')?.resources.map((r) => `${r.resource} ${r.intervalMs} ${r.origin}`), [
      'svcA 2000 heartline.cf:1',
      'svcA2 10000 agent default',
    ]);
  });

  it('a restart whose start fails rolls back and hands the group over', async () => {
    const c = await monitoredCluster();
    c.services.failing.add('node1/svcA');
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(15_000);
    assert.deepEqual(c.services.on('node1'), []);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    assert.equal(linesMatching(c, 0, /ERROR: MONITOR_RESTART_FAILED: resource group svcA: restart: start of svcA failed \(exit 1\): injected failure/).length, 1);
    assert.equal(linesMatching(c, 0, /CRIT: MONITOR_HANDOVER: resource group svcA goes to the peer/).length, 1);
    assert.match(monitorOf(c, 0, 'svcA')?.lastFailure?.cause ?? '', /^restart: start of svcA failed/);
  });

  it('with no peer to take it, a group past its budget is restarted in place', async () => {
    const c = await monitoredCluster('monitor svcA restarts=0\n');
    await c.nodes[1]!.node.halt();
    c.services.crash('node2', c.clock.now());
    await c.run(15_000);
    const from = c.services.events.length;
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(11_000);
    assert.deepEqual(eventsSince(c, from).filter((e) => e.includes('svcA')), ['node1 crash svcA', 'node1 stop svcA2', 'node1 start svcA', 'node1 start svcA2']);
    assert.equal(linesMatching(c, 0, /ERROR: MONITOR_NO_HANDOVER: resource group svcA cannot go to the peer \(no active peer to take the resources\); restarting it here instead/).length, 1);
  });

  it('auto_failback legacy has no standby: the group is restarted in place past its budget', async () => {
    const c = await monitoredCluster('monitor svcA restarts=0\n', 'legacy');
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(12_000);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2']);
    assert.equal(linesMatching(c, 0, /MONITOR_NO_HANDOVER: .*Standby mode only implemented when nice_failback on/).length, 1);
  });

  it('resources turned off in heartline.cf, or whose agent is not monitored by default, are not checked', async () => {
    const c = await monitoredCluster('monitor svcA off\n');
    c.services.kill('node1', 'svcA', c.clock.now());
    await c.run(30_000);
    assert.deepEqual(c.services.on('node1'), ['svcA2']);
    assert.deepEqual(linesMatching(c, 0, /MONITOR_/), []);

    const plain = failoverCluster('on');
    for (const n of plain.nodes) await n.node.start();
    await plain.run(20_000);
    plain.services.kill('node1', 'svcA', plain.clock.now());
    await plain.run(30_000);
    assert.deepEqual(plain.services.on('node1'), ['svcA2'], 'no heartline.cf monitoring without the resource layer asking for it');
    assert.equal(plain.nodes[0]!.node.status().resources?.groups.find((g) => g.key === 'svcA')?.monitor, undefined);
  });

  it('a standby is not mistaken for a failure: the groups move and no check fails', async () => {
    const c = await monitoredCluster('monitor svcA interval=200ms\nmonitor svcB interval=200ms\n');
    assert.equal(c.nodes[0]!.node.requestStandby('standby', 'all'), undefined);
    await c.run(15_000);
    assert.deepEqual(c.services.on('node1'), []);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    for (const i of [0, 1]) assert.deepEqual(linesMatching(c, i, /MONITOR_/), []);
  });
});
