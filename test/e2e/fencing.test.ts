import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test, type TestContext } from 'node:test';
import type { FailoverStatus } from '@heartline/core';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import { LabPowerSwitch } from '../lib/LabPowerSwitch.js';
import { LSB_EVENTS_LOG, installLsbService, readLsbEvents } from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { haresourcesOf, servicePlacement, waitForPlacement } from '../lib/groupPlacement.js';
import { NeverTwiceWatch } from '../lib/NeverTwiceWatch.js';
import { repoRoot } from '../lib/repoRoot.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

// STONITH for real (heartbeat spec §7.6): two Heartline nodes in namespaces, node1 running its group
// of LSB fixture services. node1 is cut off from node2 by a partition (its link goes down: node1 and
// its services live on), so node2 declares it dead while it still runs the group. node2 has
// `stonith_host node2 external/labpower DIR`: a cluster-glue external plugin that asks the test's
// power switch to cut node1's power (the switch calls LabNode.crash()). node2 takes the group only
// after the reset worked ("node node1 now reset."); while the plugin fails (exit 1) it takes
// nothing and retries every 5 s ("STONITH of node1 failed.  Retrying..."). The service never runs
// on both nodes at once. The stonith_host line names node2, so node1 (same ha.cf) has no device.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'nft'] });

const GROUPS = { node1: ['hlfence1', 'hlfence1b'] } as const;
const SERVICES = Object.values(GROUPS).flat();
const STEP_TIMEOUT_MS = 20_000;

describe('fencing: a partitioned node is powered off before its peer takes its group (external STONITH plugin)', { skip }, () => {
  let lab: NetnsLab;
  const fixture = new LabFixture({ nodes: 2 }, (built) => {
    lab = built;
  });
  let power: LabPowerSwitch | undefined;
  let daemons: ClusterDaemon[] = [];
  let watch: NeverTwiceWatch | undefined;
  after(async () => {
    power?.stop();
    watch?.stop();
    await Promise.all(daemons.map((d) => d.stop().catch(() => undefined)));
  });

  test('the reset works at once: node1 is powered off, then node2 takes the group', { timeout: 60_000 }, (t) =>
    fixture.guard(async () => {
      const [, node2] = setUp();
      await startBoth(t);
      const switchBox = power!;
      const mark = node2.log.mark();
      const node1Events = readLsbEvents(lab.node(1)).length;
      const cutAt = performance.now();
      await lab.node(1).setLink(false);
      await node2.log.waitFor(/WARN: node node1: is dead/, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      const resetting = await node2.log.waitFor(/info: Resetting node node1 with \[external\/labpower\]/, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      const reset = await node2.log.waitFor(/info: node node1 now reset\./, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      const acquired = await node2.log.waitFor(/info: Resources being acquired from node1\./, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2' }, 'node2 to run node1\'s group', STEP_TIMEOUT_MS, watch);
      t.diagnostic(`cut → "Resetting node node1" ${Math.round(resetting.seenAtMs - cutAt)} ms, "now reset" ${Math.round(reset.seenAtMs - cutAt)} ms, group on node2 ${Math.round(performance.now() - cutAt)} ms`);

      assert.deepEqual(switchBox.requests.map((r) => `${r.host} ${r.answer}`), ['node1 off']);
      assert.equal(lab.node(1).running, false, 'node1 was powered off by the switch');
      assert.deepEqual(readLsbEvents(lab.node(1)).slice(node1Events), [], 'cut off, node1 ran its group until its power was cut (no stop)');
      assert.ok(node2.log.lines.indexOf(reset) < node2.log.lines.indexOf(acquired), 'reset before the takeover');
      const cutAtMs = switchBox.requests[0]!.cutAtMs!;
      const starts = readLsbEvents(lab.node(2)).filter((e) => e.kind === 'start' && SERVICES.includes(e.service as (typeof SERVICES)[number]));
      assert.equal(starts.length, 2);
      assert.ok(starts.every((e) => e.atMs >= cutAtMs), 'node2 started the services only after node1\'s power was cut');
      assert.ok(node2.log.find(/info: external\/labpower reset node1: lab power switch: node1 off/, mark) !== undefined, 'the plugin\'s output is logged');
      assert.equal(node2.log.find(/No STONITH device configured/, mark), undefined);
      watch!.check();
    }));

  test('the reset fails twice (exit 1): no takeover, a retry every 5 s; the third works and the takeover follows', { timeout: 75_000 }, (t) =>
    fixture.guard(async () => {
      const [node1, node2] = daemons as [ClusterDaemon, ClusterDaemon];
      const switchBox = power!;
      // node1 is powered on again and rejoins; its group fails back to it (auto_failback on).
      await lab.node(1).boot();
      await node1.start();
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node1' }, 'node1\'s group back on node1', 40_000, watch);
      const before = switchBox.requests.length;
      switchBox.decide = (_host, index) => (index - before < 2 ? 'fail' : 'off');
      const eventsBefore = readLsbEvents(lab.node(2)).length;
      const mark = node2.log.mark();
      await lab.node(1).setLink(false);
      await node2.log.waitFor(/WARN: node node1: is dead/, { from: mark, timeoutMs: STEP_TIMEOUT_MS });

      const firstFailure = await node2.log.waitFor(/ERROR: STONITH of node1 failed\. {2}Retrying\.\.\./, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      const status = await waitUntil('ha status on node2 to show the reset in progress', async () => {
        const r = (await (node2 as ClusterDaemon & { heartline: HeartlineProcess }).heartline.status()) as { resources?: FailoverStatus } | undefined;
        const reset = r?.resources?.fencing?.resets[0];
        return reset?.lastError !== undefined ? reset : undefined;
      }, { timeoutMs: 10_000, intervalMs: 200 });
      assert.equal(status.node, 'node1');
      assert.match(status.lastError ?? '', /labpower reset node1' failed with rc 1: lab power switch: node1 fail$/);
      assert.deepEqual(await servicePlacement(lab.nodes, GROUPS), { hlfence1: ['node1'], hlfence1b: ['node1'] }, 'nothing taken while the reset fails');

      const reset = await node2.log.waitFor(/info: node node1 now reset\./, { from: mark, timeoutMs: STEP_TIMEOUT_MS });
      const failures = node2.log.lines.slice(mark).filter((l) => /ERROR: STONITH of node1 failed\. {2}Retrying\.\.\./.test(l.text));
      assert.equal(failures.length, 2, 'two failed attempts before the one that worked');
      assert.ok(node2.log.find(/CRIT: node1's resource groups stay unserved until a reset of node1 succeeds/, mark) !== undefined, 'loud');
      assert.ok(node2.log.find(/ERROR: FENCE_FAILED: resetting node1 with \[external\/labpower\] failed \(attempt 1\)/, mark) !== undefined);
      const requests = switchBox.requests.slice(before);
      assert.deepEqual(requests.map((r) => `${r.host} ${r.answer}`), ['node1 fail', 'node1 fail', 'node1 off']);
      const gaps = requests.slice(1).map((r, i) => r.seenAtMs - requests[i]!.seenAtMs);
      assert.ok(gaps.every((g) => g >= 5000 && g < 7000), `a retry every 5 s (${gaps.map(Math.round).join(', ')} ms)`);
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2' }, 'node2 to run node1\'s group', STEP_TIMEOUT_MS, watch);
      const cutAtMs = requests[2]!.cutAtMs!;
      const starts = readLsbEvents(lab.node(2)).slice(eventsBefore).filter((e) => e.kind === 'start');
      assert.equal(starts.length, 2);
      assert.ok(starts.every((e) => e.atMs >= cutAtMs), 'node2 started the group only after the reset that worked');
      t.diagnostic(`first failure → "now reset" ${Math.round(reset.seenAtMs - firstFailure.seenAtMs)} ms`);
      watch!.check();
    }));

  /** ha.cf on both nodes (node2 with the STONITH device), the services, the switch, the daemons. */
  function setUp(): [ClusterDaemon, ClusterDaemon] {
    const pluginDir = join(lab.node(2).configDir, 'stonith-plugins');
    power = new LabPowerSwitch(lab).start();
    const requestDir = power.installPlugin(pluginDir);
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: '200ms',
        deadtime: '1000ms',
        warntime: '500ms',
        initdead: '10',
        haresources: haresourcesOf(GROUPS),
        autoFailback: 'on',
        extra: ['realtime off', `stonith_host node2 external/labpower ${requestDir}`],
      });
      for (const service of SERVICES) installLsbService(node, service);
      writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
    }
    const ha: [string, ...string[]] = ['env', `HEARTLINE_STONITH_PLUGIN_DIR=${pluginDir}`, process.execPath, join(repoRoot, 'packages/cli/bin/ha.js')];
    daemons = [fixture.closeAfter(heartlineDaemon(lab.node(1))), fixture.closeAfter(heartlineDaemon(lab.node(2), 20_000, ha))];
    // Never on two nodes at once, not for a millisecond: node1's runs end when its power is cut.
    const never = new NeverTwiceWatch(lab.nodes, 0).start();
    watch = never;
    power.onCut = (host, atMs) => never.crashed(host, atMs);
    return daemons as [ClusterDaemon, ClusterDaemon];
  }

  /** Both daemons at once; each group at home; node2 checked its device at comm-up. */
  async function startBoth(t: TestContext): Promise<void> {
    const [, node2] = daemons as [ClusterDaemon, ClusterDaemon];
    const startedAt = performance.now();
    await Promise.all(daemons.map((d) => d.start()));
    await waitForPlacement(lab.nodes, GROUPS, { node1: 'node1' }, 'node1 to run its group', 30_000, watch);
    await node2.log.waitFor(/info: Checking status of STONITH device \[external\/labpower\]/, { timeoutMs: STEP_TIMEOUT_MS });
    assert.equal(node2.log.find(/STONITH status operation failed/), undefined, 'the device works');
    const node1Log = daemons[0]!.log;
    assert.equal(node1Log.find(/Checking status of STONITH device/), undefined, 'the stonith_host line is node2\'s: node1 has no device');
    t.diagnostic(`start-up: group at home ${Math.round(performance.now() - startedAt)} ms after the start`);
  }
});
