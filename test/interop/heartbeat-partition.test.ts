import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test, type TestContext } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { LSB_EVENTS_LOG, installLsbService, lsbOverlaps, lsbRuns, readLsbEvents } from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { haresourcesOf, servicePlacement, waitForPlacement } from '../lib/groupPlacement.js';
import { NeverTwiceWatch } from '../lib/NeverTwiceWatch.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// Split brain and its healing (spec §7.7) on a two-node cluster over bcast, auto_failback on, one
// group of LSB fixture services per node. The network between the nodes is cut (one node's
// interface goes down: its daemon and services live on, its sends fail with ENETUNREACH, the
// other side hears nothing) for longer than deadtime: each side declares the other dead and
// takes every group, so both run everything — expected during a partition. When the link comes
// back, each side sees the other's unchanged generation from a node it had declared dead
// (`Cluster node X returning after partition.`); 2 s later both give up every group, leave,
// wait deadtime + 1 s, start again with a new generation and renegotiate; each group ends on its
// home node and no service runs on both. Run with the real heartbeat 3.0.6 on node1 and Heartline
// on node2 (the cut on either side), then with Heartline on both.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'cl_status'] }) ?? heartbeatSkipReason();

const NAMES = ['node1', 'node2'];
const GROUPS = { node1: ['hlsvc1', 'hlsvc1b'], node2: ['hlsvc2'] } as const;
const SERVICES = Object.values(GROUPS).flat();
const HOME = { node1: 'node1', node2: 'node2' };
/** How long the partition lasts once both sides run everything. */
const PARTITION_EXTRA_MS = 2000;
/** Start-up of both at once: heartbeat's RQSTDELAY (10 s) plus scripts. */
const STARTUP_TIMEOUT_MS = 30_000;
/** Heal → back home: 2 s, release, deadtime + 1 s, start-up with RQSTDELAY, scripts. */
const HEAL_TIMEOUT_MS = 45_000;
const STEP_TIMEOUT_MS = 20_000;

/**
 * ERROR and CRIT lines a partition is expected to cause: the cut side's failed sends (heartbeat's
 * bcast_write / write_child, Heartline's `cannot send packet`) and the heal's own CRIT lines.
 */
const EXPECTED_TROUBLE = new RegExp(
  [
    'bcast_write: Unable to send HBcomm packet',
    'write_child: write failure on bcast',
    'cannot send packet',
    'CRIT: Cluster node node[12] returning after partition\\.',
    'CRIT: Late heartbeat: Node node[12]: interval \\d+ ms \\(> deadtime\\)',
  ].join('|'),
);

interface Variant {
  readonly name: string;
  readonly make: (lab: NetnsLab) => [ClusterDaemon, ClusterDaemon];
  /** The node whose interface goes down. */
  readonly cut: 1 | 2;
}

const VARIANTS: readonly Variant[] = [
  { name: 'heartbeat 3.0.6 on node1, Heartline on node2, heartbeat\'s link cut', make: (lab) => [heartbeatDaemon(lab.node(1)), heartlineDaemon(lab.node(2))], cut: 1 },
  { name: 'heartbeat 3.0.6 on node1, Heartline on node2, Heartline\'s link cut', make: (lab) => [heartbeatDaemon(lab.node(1)), heartlineDaemon(lab.node(2))], cut: 2 },
  { name: 'Heartline on both nodes', make: (lab) => [heartlineDaemon(lab.node(1)), heartlineDaemon(lab.node(2))], cut: 2 },
];


describe('interop: split brain over bcast heals into one owner per group (auto_failback on)', { skip }, () => {
  let lab: NetnsLab;
  const fixture = new LabFixture({ nodes: 2 }, (built) => {
    lab = built;
  });
  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      let daemons: [ClusterDaemon, ClusterDaemon];
      after(async () => {
        if (daemons === undefined) return;
        await Promise.all(daemons.map((d) => d.stop()));
        for (const d of daemons) d.close();
        for (const node of lab.nodes) await node.setLink(true);
      });

      test('both sides take everything while cut off, then both restart and each group ends on its home node only', { timeout: 150_000 }, (t) =>
        fixture.guard(async () => {
          daemons = variant.make(lab);
          for (const d of daemons) fixture.closeAfter(d);
          const watch = new NeverTwiceWatch(lab.nodes).start();
          await runPartitionScenario(t, lab, daemons, variant, watch).finally(() => watch.stop());
        }));
    });
  }
});

async function runPartitionScenario(t: TestContext, lab: NetnsLab, daemons: [ClusterDaemon, ClusterDaemon], variant: Variant, watch: NeverTwiceWatch): Promise<void> {
  const nodes = lab.nodes;
  writeBcastGroupConfig(lab, { nodes: NAMES, haresources: haresourcesOf(GROUPS), autoFailback: 'on' });
  for (const node of nodes) {
    for (const service of SERVICES) installLsbService(node, service);
    writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
  }
  const label = (d: ClusterDaemon): string => `${d.node.name} (${d.kind})`;
  const ms = (from: number, to: number): string => `${Math.round(to - from)} ms`;
  const note = (line: string): void => t.diagnostic(line);
  const peerOf = (d: ClusterDaemon): LabNode => nodes.find((n) => n !== d.node)!;
  /** Waits for a line after index `from` and returns it with its index (to wait for the next one after it). */
  const expectLine = async (d: ClusterDaemon, pattern: RegExp, from: number, timeoutMs = STEP_TIMEOUT_MS): Promise<{ at: number; index: number }> => {
    const line = await d.log.waitFor(pattern, { from, timeoutMs });
    return { at: line.seenAtMs, index: d.log.lines.indexOf(line) };
  };
  const generations = (d: ClusterDaemon, from: number): number[] =>
    d.log.lines.slice(from).flatMap((l) => {
      const m = /Heartbeat generation: (\d+)$/.exec(l.text);
      return m === null ? [] : [Number(m[1])];
    });

  // Start-up: both at once, each takes its own group after RQSTDELAY.
  const startMarks = daemons.map((d) => d.log.mark());
  const startedAt = performance.now();
  await Promise.all(daemons.map((d) => d.start()));
  await waitForPlacement(nodes, GROUPS, HOME, 'each node to run its own group', STARTUP_TIMEOUT_MS, watch);
  for (const [i, d] of daemons.entries()) await expectLine(d, /Initial resource acquisition complete/, startMarks[i]!);
  note(`start-up: groups at home ${ms(startedAt, performance.now())} after the start`);
  const firstGenerations = daemons.map((d, i) => generations(d, startMarks[i]!).at(-1));
  for (const [i, g] of firstGenerations.entries()) assert.ok(g !== undefined, `${label(daemons[i]!)} logged its generation`);

  // The cut: each side declares the other dead and takes its group: both run everything.
  const cutNode = lab.node(variant.cut);
  const cutMarks = daemons.map((d) => d.log.mark());
  const cutAt = performance.now();
  // Both sides run everything from the cut until each has given everything up after the heal.
  const partition = watch.excuse(performance.timeOrigin + cutAt);
  await cutNode.setLink(false);
  for (const [i, d] of daemons.entries()) {
    const dead = await expectLine(d, new RegExp(`node ${peerOf(d).name}: is dead`), cutMarks[i]!);
    await expectLine(d, new RegExp(`Resources being acquired from ${peerOf(d).name}\\.`), cutMarks[i]!);
    await expectLine(d, /mach_down takeover complete\./, cutMarks[i]!);
    note(`cut ${cutNode.name}'s link → ${label(d)} logs "${peerOf(d).name}: is dead" ${ms(cutAt, dead.at)}`);
  }
  await waitUntil('both nodes to run every service', async () => {
    const where = await servicePlacement(nodes, GROUPS);
    return SERVICES.every((s) => where[s]!.length === 2) ? true : undefined;
  }, { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 100 });
  note(`cut → both nodes run every service ${ms(cutAt, performance.now())}`);
  for (const d of daemons) assert.equal(await d.isRunning(), true, `${label(d)} lives on through the partition`);
  await sleep(PARTITION_EXTRA_MS);

  // The heal: both see the other return after a partition, give everything up and restart.
  const healMarks = daemons.map((d) => d.log.mark());
  const healCounts = nodes.map((n) => readLsbEvents(n).length);
  const healAt = performance.now();
  let partitionEnd = 0;
  await cutNode.setLink(true);
  for (const [i, d] of daemons.entries()) {
    const returning = await expectLine(d, new RegExp(`CRIT: Cluster node ${peerOf(d).name} returning after partition\\.`), healMarks[i]!);
    const giving = await expectLine(d, /Giving up all HA resources\./, returning.index);
    const relinquished = await expectLine(d, /All HA resources relinquished\./, giving.index);
    partitionEnd = Math.max(partitionEnd, performance.timeOrigin + relinquished.at);
    partition.end(partitionEnd);
    const triggered = await expectLine(d, /Heartbeat restart triggered\./, relinquished.index);
    const restarting = await expectLine(d, /Restarting heartbeat\./, triggered.index);
    const exec = await expectLine(d, /Performing heartbeat restart exec\./, restarting.index);
    const generation = await expectLine(d, /Heartbeat generation: \d+$/, exec.index);
    note(`heal → ${label(d)}: "returning after partition" ${ms(healAt, returning.at)}, "Giving up all HA resources" ${ms(healAt, giving.at)}, ` +
      `"Restarting heartbeat." ${ms(healAt, restarting.at)}, "Performing heartbeat restart exec." ${ms(healAt, exec.at)}`);
    assert.ok(generation.at - giving.at >= 2000, `${label(d)} starts anew at least deadtime + 1 s after giving up (${ms(giving.at, generation.at)})`);
    const newGeneration = generations(d, exec.index)[0];
    assert.ok(newGeneration !== undefined && newGeneration > firstGenerations[i]!, `${label(d)}: a new generation (${firstGenerations[i]} → ${newGeneration})`);
  }
  if (daemons.some((d) => d.kind === 'heartline')) {
    for (const d of daemons.filter((x) => x.kind === 'heartline')) {
      const status = await (d as ClusterDaemon & { heartline: HeartlineProcess }).heartline.status();
      assert.ok(status !== undefined && status.generation > firstGenerations[daemons.indexOf(d)]!, `${label(d)}: ha status shows the new generation`);
    }
  }

  // Renegotiated: each group on its home node only, and it stays so.
  await waitForPlacement(nodes, GROUPS, HOME, 'each group back on its home node only', HEAL_TIMEOUT_MS, watch);
  const homeAt = performance.now();
  note(`heal → each group on its home node only ${ms(healAt, homeAt)}`);
  for (const [i, d] of daemons.entries()) await expectLine(d, /Initial resource acquisition complete/, healMarks[i]!);
  for (const [i, node] of nodes.entries()) {
    // Each node gave up everything it ran (all services), right to left group by group.
    const stopped = readLsbEvents(node).slice(healCounts[i]).filter((e) => e.kind === 'stop').map((e) => e.service);
    assert.deepEqual([...stopped].sort(), [...SERVICES].sort(), `${node.name} stopped every service after the heal`);
  }
  await sleep(3000);
  assert.deepEqual(await servicePlacement(nodes, GROUPS), { hlsvc1: ['node1'], hlsvc1b: ['node1'], hlsvc2: ['node2'] }, 'placement is stable');
  for (const d of daemons) assert.equal(await d.rscstatus(), 'local', `${label(d)} holds its local group only`);

  // History: the only overlaps are the partition's; nothing started after the heal ran on both.
  const healedMs = performance.timeOrigin + healAt;
  const runs = lsbRuns(nodes.flatMap((n) => readLsbEvents(n)));
  const overlaps = lsbOverlaps(runs);
  assert.deepEqual(overlaps.filter(([a, b]) => a.startMs >= healedMs || b.startMs >= healedMs), [], 'no service started after the heal ran on both nodes');
  assert.ok(overlaps.every(([a, b]) => a.endMs !== Infinity && b.endMs !== Infinity), 'the partition\'s double runs all ended');
  watch.check();
  for (const [i, d] of daemons.entries()) {
    const bad = d.log.lines.slice(startMarks[i]).filter((l) => /\b(ERROR|CRIT):/.test(l.text) && !EXPECTED_TROUBLE.test(l.text)).map((l) => l.text);
    assert.deepEqual(bad, [], `${label(d)} logged no other ERROR or CRIT`);
  }
}
