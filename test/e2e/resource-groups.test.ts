import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test, type TestContext } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import {
  LSB_EVENTS_LOG,
  installLsbService,
  readLsbEvents,
  setLsbStartFailure,
  type LsbEvent,
} from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { haresourcesOf, servicePlacement, waitForPlacement } from '../lib/groupPlacement.js';
import { NeverTwiceWatch } from '../lib/NeverTwiceWatch.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// Two Heartline nodes (`ha start`) over bcast, keepalive 200 ms, deadtime 1 s, with the ClearOS
// seed's haresources shape: node1's group `bypassd smbd nmbd svcdns` (bypassd is served by
// agent-lsb's BypassdAgent, the others by the script agent; all four are the LSB fixture service
// test/fixtures/lsb/hlsvc under those names) and node2's `hlsvc2`. Everything is real: daemons,
// scripts, service processes, power cuts of a whole node. The services' own event logs are the
// ground truth for order and for "never on both nodes". One lab serves every test; each test
// writes its configuration, starts both daemons and stops them again.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] });

const NAMES = ['node1', 'node2'];
const GROUPS = { node1: ['bypassd', 'smbd', 'nmbd', 'svcdns'], node2: ['hlsvc2'] } as const;
const SERVICES = Object.values(GROUPS).flat();
const HOME = { node1: 'node1', node2: 'node2' };
/** A failover or failback: detection (deadtime) plus scripts; start-up adds heartbeat's 10 s RQSTDELAY. */
const MOVE_TIMEOUT_MS = 20_000;
const STARTUP_TIMEOUT_MS = 30_000;

type HeartlineDaemon = ClusterDaemon & { readonly heartline: HeartlineProcess };

/** The groups in `ha status --json` (its `resources` part, which HeartlineStatus leaves out). */
interface StatusGroup {
  readonly key: string;
  readonly owner: 'local' | 'foreign';
  readonly heldHere: boolean;
  readonly failure?: string;
}

async function groupsOf(d: HeartlineDaemon): Promise<StatusGroup[]> {
  const status = (await d.heartline.status()) as unknown as { resources?: { groups: StatusGroup[] } } | undefined;
  if (status?.resources === undefined) throw new Error(`${d.node.name}: ha status --json shows no resources`);
  return status.resources.groups;
}

describe('resource groups of LSB services on two Heartline nodes over bcast', { skip }, () => {
  let lab: NetnsLab;
  let daemons: [HeartlineDaemon, HeartlineDaemon];
  const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
    lab = built;
    daemons = [f.closeAfter(heartlineDaemon(built.node(1))), f.closeAfter(heartlineDaemon(built.node(2)))];
  });
  const guard = (body: () => Promise<void>): Promise<void> => fixture.guard(body);

  /** "Never twice", checked all along each test from the services' event logs. */
  let watch: NeverTwiceWatch;
  /** Log marks at the test's start: its own lines only are checked. */
  let testMarks: number[] = [];

  const configure = (autoFailback: 'on' | 'off' | 'legacy'): void => {
    writeBcastGroupConfig(lab, { nodes: NAMES, haresources: haresourcesOf(GROUPS), autoFailback });
    for (const node of lab.nodes) {
      for (const service of SERVICES) {
        installLsbService(node, service);
        setLsbStartFailure(node, service, false);
      }
      writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
    }
  };

  beforeEach(async () => {
    for (const node of lab.nodes) if (!node.running) await node.boot();
    testMarks = daemons.map((d) => d.log.mark());
    watch = new NeverTwiceWatch(lab.nodes).start();
  });

  afterEach(async () => {
    watch.stop();
    await Promise.all(daemons.map((d) => d.stop()));
    // A graceful stop releases every group: nothing is left running anywhere.
    const left = await servicePlacement(lab.nodes, GROUPS);
    assert.deepEqual(Object.entries(left).filter(([, hosts]) => hosts.length > 0), [], 'every service is stopped with the daemons');
  });

  const node = (i: 1 | 2): LabNode => lab.node(i);
  const daemon = (i: 1 | 2): HeartlineDaemon => daemons[i - 1]!;
  const events = (n: LabNode, from = 0, kind?: LsbEvent['kind']): LsbEvent[] =>
    readLsbEvents(n).slice(from).filter((e) => kind === undefined || e.kind === kind);
  const names = (list: readonly LsbEvent[]): string[] => list.map((e) => e.service);
  /** performance.now() of an event (its wall-clock ms). */
  const at = (e: LsbEvent): number => e.atMs - performance.timeOrigin;

  const startBoth = async (): Promise<number> => {
    const started = performance.now();
    await Promise.all(daemons.map((d) => d.start()));
    return started;
  };

  /** Power cut of a node, remembered by the watch. */
  const crash = async (n: LabNode): Promise<number> => {
    const crashedAt = await n.crash();
    watch.crashed(n.name, performance.timeOrigin + crashedAt);
    return crashedAt;
  };

  /** `ha status rscstatus` on the node once it says `expected` (it says `transition` while groups move). */
  const waitRscstatus = async (d: HeartlineDaemon, expected: string): Promise<void> => {
    let last = '';
    await waitUntil(`${d.node.name}: ha status rscstatus to print ${expected}`, async () => {
      const result = await d.heartline.ha(['status', 'rscstatus']);
      last = `${result.code} ${result.stdout.trim()}`;
      return result.code === 0 && result.stdout.trim() === expected ? true : undefined;
    }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message} (last: ${last})`);
    });
  };

  /** `ha status` (text) on the node once it matches `pattern` (the peer's stability may lag a little); returns it. */
  const waitStatusText = async (d: HeartlineDaemon, pattern: RegExp): Promise<string> => {
    let last = '';
    return waitUntil(`${d.node.name}: ha status to show ${pattern}`, async () => {
      const result = await d.heartline.ha(['status']);
      last = result.stdout;
      return result.code === 0 && pattern.test(result.stdout) ? result.stdout : undefined;
    }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100 }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; last:\n${last}`);
    });
  };

  /** `ha standby|takeover SET`, retried while the daemon says the resources are in transition. */
  const request = async (d: HeartlineDaemon, op: 'standby' | 'takeover', set: string): Promise<void> => {
    await waitUntil(`${d.node.name}: ha ${op} ${set} to be accepted`, async () => {
      try {
        await d[op](set);
        return true;
      } catch (error) {
        if (/transition|not up yet/.test(String(error))) return undefined;
        throw error;
      }
    }, { timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 200 });
  };

  /** No service ran on both nodes beyond the handover bound; the given daemons logged no ERROR or CRIT in this test. */
  const checkHistory = (quiet: readonly HeartlineDaemon[] = daemons): void => {
    watch.check();
    for (const d of quiet) {
      const bad = d.log.lines.slice(testMarks[daemons.indexOf(d)]).filter((l) => /\b(ERROR|CRIT):/.test(l.text)).map((l) => l.text);
      assert.deepEqual(bad, [], `${d.node.name} logged no ERROR or CRIT`);
    }
  };

  const ms = (from: number, to: number): string => `${Math.round(to - from)} ms`;

  /** Both started together: neither is stable, each takes its own group after RQSTDELAY (10 s). */
  const startAtHome = async (t: TestContext): Promise<void> => {
    const marks = daemons.map((d) => d.log.mark());
    const started = await startBoth();
    await waitForPlacement(lab.nodes, GROUPS, HOME, 'each node to run its own group', STARTUP_TIMEOUT_MS, watch);
    for (const [i, d] of daemons.entries()) await d.log.waitFor(/Initial resource acquisition complete/, { from: marks[i]!, timeoutMs: MOVE_TIMEOUT_MS });
    t.diagnostic(`start-up (both at once, RQSTDELAY): groups at home ${ms(started, performance.now())} after the start`);
  };

  test('a. auto_failback on: start order, power cut of node1 (node2 takes its group in order), failback (right to left there, then left to right here); e. ha status shows the groups, rscstatus local/all', { timeout: 90_000 }, (t) =>
    guard(async () => {
      configure('on');
      await startAtHome(t);
      assert.deepEqual(names(events(node(1), 0, 'start')), [...GROUPS.node1], 'node1 starts its group left to right');
      assert.deepEqual(names(events(node(2), 0, 'start')), [...GROUPS.node2]);

      // e. What ha status shows at this stable point.
      await waitRscstatus(daemon(1), 'local');
      await waitRscstatus(daemon(2), 'local');
      const text = await waitStatusText(daemon(1), /^resources: local \(auto_failback on; holds local, peer holds local\)$/m);
      assert.match(text, /^\tnode1 bypassd smbd nmbd svcdns\t\(local, here\)$/m);
      assert.match(text, /^\tnode2 hlsvc2\t\(foreign, not here\)$/m);
      assert.doesNotMatch(text, /FAILED/);

      // Power cut of node1: node2 takes its group, left to right, and stops nothing.
      const before2 = events(node(2)).length;
      const mark2 = daemon(2).log.mark();
      const crashedAt = await crash(node(1));
      const dead = await daemon(2).log.waitFor(/node node1: is dead/, { from: mark2, timeoutMs: MOVE_TIMEOUT_MS });
      await daemon(2).log.waitFor(/Resources being acquired from node1\./, { from: mark2, timeoutMs: MOVE_TIMEOUT_MS });
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2', node2: 'node2' }, 'node2 to take over node1\'s group', MOVE_TIMEOUT_MS, watch);
      await daemon(2).log.waitFor(/mach_down takeover complete\./, { from: mark2, timeoutMs: MOVE_TIMEOUT_MS });
      const takeover = events(node(2), before2, 'start');
      assert.deepEqual(names(takeover), [...GROUPS.node1], 'the takeover starts the group left to right');
      assert.deepEqual(events(node(2), before2, 'stop'), [], 'the survivor stops nothing');
      t.diagnostic(`failover: power cut → "node1: is dead" ${ms(crashedAt, dead.seenAtMs)}, → last resource started on node2 ${ms(crashedAt, at(takeover.at(-1)!))} ` +
        `("is dead" → started ${ms(dead.seenAtMs, at(takeover.at(-1)!))})`);
      await waitRscstatus(daemon(2), 'all');

      // node1 boots and its daemon starts: auto_failback hands the group back.
      const from2 = events(node(2)).length;
      const marks = daemons.map((d) => d.log.mark());
      const bootAt = performance.now();
      await node(1).boot();
      const startedAt = performance.now();
      await daemon(1).start();
      await waitForPlacement(lab.nodes, GROUPS, HOME, 'node1\'s group to fail back', MOVE_TIMEOUT_MS, watch);
      await daemon(2).log.waitFor(/standby: node1 can take our foreign resources/, { from: marks[1]!, timeoutMs: MOVE_TIMEOUT_MS });
      await daemon(2).log.waitFor(/Local standby process completed \[foreign\]\./, { from: marks[1]!, timeoutMs: MOVE_TIMEOUT_MS });
      await daemon(1).log.waitFor(/Standby resource acquisition done \[foreign\]\./, { from: marks[0]!, timeoutMs: MOVE_TIMEOUT_MS });
      await daemon(2).log.waitFor(/Other node completed standby takeover of foreign resources\./, { from: marks[1]!, timeoutMs: MOVE_TIMEOUT_MS });
      const stops = events(node(2), from2, 'stop');
      const starts = events(node(1), 0, 'start').filter((e) => e.atMs >= performance.timeOrigin + bootAt);
      assert.deepEqual(names(stops), [...GROUPS.node1].reverse(), 'the failback stops the group right to left on node2');
      assert.deepEqual(names(starts), [...GROUPS.node1], 'then starts it left to right on node1');
      assert.ok(stops.at(-1)!.atMs <= starts[0]!.atMs, 'stopped on node2 before started on node1');
      assert.deepEqual(names(events(node(2), from2, 'start')), [], 'node2 starts nothing');
      t.diagnostic(`failback: ha start on node1 → first stop on node2 ${ms(startedAt, at(stops[0]!))}, → last start on node1 ${ms(startedAt, at(starts.at(-1)!))}` +
        ` (gap last stop → first start ${Math.round(starts[0]!.atMs - stops.at(-1)!.atMs)} ms)`);
      await waitRscstatus(daemon(1), 'local');
      await waitRscstatus(daemon(2), 'local');
      checkHistory();
    }));

  test('b. auto_failback off: node1\'s group stays on node2 when node1 returns; ha standby on node2 moves it home; e. rscstatus none/all, foreign/foreign, all/none', { timeout: 90_000 }, (t) =>
    guard(async () => {
      configure('off');
      await startAtHome(t);

      const crashedAt = await crash(node(1));
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2', node2: 'node2' }, 'node2 to take over node1\'s group', MOVE_TIMEOUT_MS, watch);
      t.diagnostic(`failover: power cut → node2 runs node1's group ${ms(crashedAt, performance.now())} (polled)`);

      // node1 returns: it starts with nothing, and nobody hands it anything.
      const from2 = events(node(2)).length;
      const mark2 = daemon(2).log.mark();
      await node(1).boot();
      await daemon(1).start();
      await daemon(2).log.waitFor(/remote resource transition completed\./, { from: mark2, timeoutMs: MOVE_TIMEOUT_MS });
      await waitRscstatus(daemon(1), 'none');
      await waitRscstatus(daemon(2), 'all');
      await sleep(3000);
      assert.deepEqual(await servicePlacement(lab.nodes, GROUPS), Object.fromEntries(SERVICES.map((s) => [s, ['node2']])), 'everything stays on node2');
      assert.deepEqual(events(node(1)).filter((e) => e.kind === 'start' && e.atMs > performance.timeOrigin + crashedAt), [], 'node1 starts nothing');
      assert.deepEqual(events(node(2), from2, 'stop'), [], 'node2 stops nothing');
      assert.equal(daemon(2).log.find(/wants to go standby/, mark2), undefined, 'no auto-failback standby');
      const text = await waitStatusText(daemon(1), /^resources: none \(auto_failback off; holds none, peer holds all\)$/m);
      assert.match(text, /^\tnode1 bypassd smbd nmbd svcdns\t\(local, not here\)$/m);
      assert.match(text, /^\tnode2 hlsvc2\t\(foreign, not here\)$/m);

      // ha standby local on node2: node1 takes node2's group (each node now runs the other's).
      let from = events(node(2)).length;
      await request(daemon(2), 'standby', 'local');
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2', node2: 'node1' }, 'hlsvc2 to move to node1', MOVE_TIMEOUT_MS, watch);
      assert.deepEqual(names(events(node(2), from, 'stop')), ['hlsvc2']);
      await waitRscstatus(daemon(1), 'foreign');
      await waitRscstatus(daemon(2), 'foreign');

      // ha standby foreign on node2: node1's group goes home, right to left there, left to right here.
      from = events(node(2)).length;
      const from1 = events(node(1)).length;
      const standbyAt = performance.now();
      await request(daemon(2), 'standby', 'foreign');
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node1', node2: 'node1' }, 'node1\'s group to move home', MOVE_TIMEOUT_MS, watch);
      const stops = events(node(2), from, 'stop');
      const starts = events(node(1), from1, 'start');
      assert.deepEqual(names(stops), [...GROUPS.node1].reverse());
      assert.deepEqual(names(starts), [...GROUPS.node1]);
      assert.ok(stops.at(-1)!.atMs <= starts[0]!.atMs, 'stopped on node2 before started on node1');
      t.diagnostic(`ha standby foreign on node2 → last start on node1 ${ms(standbyAt, at(starts.at(-1)!))}`);
      await waitRscstatus(daemon(1), 'all');
      await waitRscstatus(daemon(2), 'none');
      checkHistory();
    }));

  test('c. auto_failback legacy: node1 returning asks for its group with ip-request and gets it', { timeout: 90_000 }, (t) =>
    guard(async () => {
      configure('legacy');
      const started = await startBoth();
      await waitForPlacement(lab.nodes, GROUPS, HOME, 'each node to run its own group', STARTUP_TIMEOUT_MS, watch);
      t.diagnostic(`start-up (legacy, no RQSTDELAY): groups at home ${ms(started, performance.now())} after the start`);
      await assert.rejects(daemon(2).standby('all'), /nice_failback/, 'standby needs auto_failback on or off');

      const crashedAt = await crash(node(1));
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2', node2: 'node2' }, 'node2 to take over node1\'s group', MOVE_TIMEOUT_MS, watch);
      // node1 started a few seconds ago: node2 still uses the dt node1 announces after a start (deadtime + 2 s).
      t.diagnostic(`failover: power cut → node2 runs node1's group ${ms(crashedAt, performance.now())} (polled; node1's dt still deadtime + 2 s)`);

      const from2 = events(node(2)).length;
      const from1 = events(node(1)).length;
      const mark1 = daemon(1).log.mark();
      await node(1).boot();
      const startedAt = performance.now();
      await daemon(1).start();
      await waitForPlacement(lab.nodes, GROUPS, HOME, 'node1\'s group to move home', MOVE_TIMEOUT_MS, watch);
      await daemon(1).log.waitFor(/received ip-request-resp bypassd OK yes/, { from: mark1, timeoutMs: MOVE_TIMEOUT_MS });
      const stops = events(node(2), from2, 'stop');
      const starts = events(node(1), from1, 'start');
      assert.deepEqual(names(stops), [...GROUPS.node1].reverse(), 'node2 gives the group up right to left');
      assert.deepEqual(names(starts), [...GROUPS.node1], 'node1 takes it left to right');
      assert.ok(stops.at(-1)!.atMs <= starts[0]!.atMs, 'stopped on node2 before started on node1');
      assert.deepEqual(names(events(node(2), from2, 'start')), []);
      t.diagnostic(`legacy failback: ha start on node1 → first stop on node2 ${ms(startedAt, at(stops[0]!))}, → last start on node1 ${ms(startedAt, at(starts.at(-1)!))}`);
      checkHistory();
    }));

  test('d. a failing middle resource: node1 gives its group up, is flagged failed, and goes standby 30 s later so node2 runs it', { timeout: 90_000 }, (t) =>
    guard(async () => {
      configure('on');
      setLsbStartFailure(node(1), 'smbd', true);
      const marks = daemons.map((d) => d.log.mark());
      await startBoth();
      const giveUp = await daemon(1).log.waitFor(/CRIT: Giving up resources due to failure of smbd$/, { from: marks[0]!, timeoutMs: STARTUP_TIMEOUT_MS });
      await waitUntil('node1 to stop bypassd again', () => (events(node(1), 0, 'stop').length > 0 ? true : undefined), { timeoutMs: MOVE_TIMEOUT_MS });
      assert.deepEqual(
        events(node(1)).map((e) => `${e.kind} ${e.service}`),
        ['start bypassd', 'start-failed smbd', 'stop-noop smbd', 'stop bypassd'],
        'bypassd started, smbd failed, then both stopped right to left; nmbd and svcdns never tried',
      );
      assert.match(daemon(1).log.find(/Running \/etc\/init.d\/smbd {2}start/, marks[0]!)?.text ?? '', /info: Running/);
      assert.ok(daemon(1).log.find(/ERROR: Return code 1 from \/etc\/init.d\/smbd/, marks[0]!), 'the failed start is logged with its code');
      const group = await groupsOf(daemon(1));
      assert.equal(group.find((g) => g.key === 'bypassd')?.failure, 'start of smbd failed');
      assert.equal(group.find((g) => g.key === 'hlsvc2')?.failure, undefined);
      await waitStatusText(daemon(1), /^\tnode1 bypassd smbd nmbd svcdns\t\(local, here\)\tFAILED: start of smbd failed$/m);

      // 30 s later node1 goes standby for its own group; node2 runs it.
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2', node2: 'node2' }, 'node2 to run node1\'s group', 45_000, watch);
      const starts2 = events(node(2), 0, 'start').filter((e) => GROUPS.node1.includes(e.service as never));
      assert.deepEqual(names(starts2), [...GROUPS.node1]);
      const standby = daemon(1).log.find(/Going standby \[local\]\./, marks[0]!);
      assert.ok(standby, 'node1 went standby [local]');
      const delay = standby.seenAtMs - giveUp.seenAtMs;
      assert.ok(delay >= 29_000 && delay <= 33_000, `standby ${Math.round(delay)} ms after the failure, expected about 30 s`);
      await daemon(1).log.waitFor(/Other node completed standby takeover of local resources\./, { from: marks[0]!, timeoutMs: MOVE_TIMEOUT_MS });
      t.diagnostic(`failure → standby ${ms(giveUp.seenAtMs, standby.seenAtMs)}, → node2 runs the group ${ms(giveUp.seenAtMs, at(starts2.at(-1)!))}`);
      const groups2 = await groupsOf(daemon(2));
      assert.deepEqual(groups2.map((g) => [g.key, g.heldHere, g.failure]), [['bypassd', true, undefined], ['hlsvc2', true, undefined]], 'node2 runs both, no failure');
      await waitRscstatus(daemon(1), 'none');
      await waitRscstatus(daemon(2), 'all');
      checkHistory([daemon(2)]);
      const bad1 = daemon(1).log.lines.slice(testMarks[0]).filter((l) => /\b(ERROR|CRIT):/.test(l.text)).map((l) => l.text);
      const expectedBad = /CRIT: Giving up resources due to failure of smbd$|ERROR: RESOURCE_START_FAILED: smbd |ERROR: Return code 1 from \/etc\/init.d\/smbd$/;
      assert.deepEqual(bad1.filter((l) => !expectedBad.test(l)), [], 'node1 logged no other ERROR or CRIT');
      setLsbStartFailure(node(1), 'smbd', false);
    }));
});
