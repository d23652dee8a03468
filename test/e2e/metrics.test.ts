import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import { LSB_EVENTS_LOG, installLsbService } from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { haresourcesOf, waitForPlacement } from '../lib/groupPlacement.js';
import { fetchInNode, scrapeMetrics, type MetricsScrape } from '../lib/scrapeMetrics.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { BCAST_GROUP_DEADTIME_MS, writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// Two Heartline nodes over bcast (keepalive 200 ms, deadtime 1 s); node1's group is the LSB
// fixture service `hlmetrics`. Only node2's heartline.cf says `metrics on`: its endpoint listens on
// 127.0.0.1:9694 inside node2's network namespace, where the test scrapes it (node1 serves none).
// Scraped before and after a power cut of node1, it must show node1 dead, its heartbeats missing,
// node2 holding the group after one more transition, and the start's duration.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] });

const GROUPS = { node1: ['hlmetrics'] } as const;
const GROUP = { group: 'hlmetrics' };
const TAKE_OK = { ...GROUP, transition: 'take', outcome: 'ok' };
const DEADTIME_S = BCAST_GROUP_DEADTIME_MS / 1000;

type HeartlineDaemon = ClusterDaemon & { readonly heartline: HeartlineProcess };

describe('metrics: node2 scraped through a power cut of node1 (two Heartline nodes in namespaces)', { skip }, () => {
  let lab: NetnsLab;
  let daemons: [HeartlineDaemon, HeartlineDaemon];
  const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
    lab = built;
    daemons = [f.closeAfter(heartlineDaemon(built.node(1))), f.closeAfter(heartlineDaemon(built.node(2)))];
  });

  /** Scrapes node2 until `ready` holds (the daemon's view may trail the services by a moment). */
  const scrapeWhen = async (what: string, ready: (m: MetricsScrape) => boolean): Promise<MetricsScrape> => {
    let last = '';
    return waitUntil(`node2's metrics to show ${what}`, async () => {
      const m = await scrapeMetrics(lab.node(2));
      last = m.text;
      return ready(m) ? m : undefined;
    }, { timeoutMs: 15_000, intervalMs: 200 }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; last scrape:\n${last}`);
    });
  };

  test('node states, link, heartbeat gap, group transitions and operation durations follow the failover', { timeout: 60_000 }, (t) =>
    fixture.guard(async () => {
      const d2 = daemons[1];
      const [node1, node2] = [lab.node(1), lab.node(2)];
      writeBcastGroupConfig(lab, { haresources: haresourcesOf(GROUPS), autoFailback: 'on' });
      for (const node of lab.nodes) {
        installLsbService(node, 'hlmetrics');
        writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
      }
      rmSync(join(node1.configDir, 'heartline.cf'), { force: true });
      writeFileSync(join(node2.configDir, 'heartline.cf'), 'metrics on   # 127.0.0.1:9694, loopback only\n');

      const marks = daemons.map((d) => d.log.mark());
      await Promise.all(daemons.map((d) => d.start()));
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node1' }, 'node1 to run its group', 30_000);
      for (const [i, d] of daemons.entries()) await d.log.waitFor(/Initial resource acquisition complete/, { from: marks[i]!, timeoutMs: 20_000 });
      await d2.log.waitFor(/Metrics served on http:\/\/127\.0\.0\.1:9694\/metrics/, { from: marks[1]!, timeoutMs: 1000 });

      // Before: node1 active and heard on the lab link, node2 not holding the group.
      const before = await scrapeWhen('node1 active, its group elsewhere', (m) =>
        m.value('heartline_node_status', { node: 'node1', status: 'active' }) === 1 && m.value('heartline_failover_stable') === 1);
      assert.equal(before.value('heartline_link_up', { node: 'node1', link: node2.iface }), 1);
      assert.equal(before.value('heartline_group_held', GROUP), 0);
      assert.equal(before.value('heartline_group_transitions_total', TAKE_OK), 0);
      assert.equal(before.value('heartline_resource_operation_duration_seconds_count', { resource: 'hlmetrics', operation: 'start', result: 'running' }), undefined);
      const beats = before.value('heartline_heartbeats_total', { node: 'node1' }) ?? 0;
      assert.ok(beats > 10, `node1's heartbeats seen: ${beats}`);
      assert.ok((before.value('heartline_heartbeat_silence_seconds', { node: 'node1' }) ?? Infinity) < DEADTIME_S, 'node1 heard within deadtime');
      assert.deepEqual(await fetchInNode(node2, '/'), { status: '404', body: 'Not found: Heartline serves /metrics only.\n' });
      assert.match((await fetchInNode(node1, '/metrics')).status, /^error ECONNREFUSED$/, 'node1 has no metrics line: no endpoint');

      // Power cut of node1: node2 declares it dead and takes its group.
      const mark = d2.log.mark();
      const crashedAt = await node1.crash();
      await d2.log.waitFor(/node node1: is dead/, { from: mark, timeoutMs: 10_000 });
      await waitForPlacement(lab.nodes, GROUPS, { node1: 'node2' }, 'node2 to take over node1\'s group', 15_000);
      const after = await scrapeWhen('node1 dead, the group here after one take', (m) =>
        m.value('heartline_group_held', GROUP) === 1 && m.value('heartline_group_transitions_total', TAKE_OK) === 1);
      t.diagnostic(`scrape after the takeover: ${Math.round(performance.now() - crashedAt)} ms after the power cut`);
      assert.equal(after.value('heartline_node_status', { node: 'node1', status: 'dead' }), 1);
      assert.equal(after.value('heartline_node_status', { node: 'node1', status: 'active' }), 0);
      assert.equal(after.value('heartline_link_up', { node: 'node1', link: node2.iface }), 0);
      assert.equal(after.value('heartline_group_transitions_total', { ...GROUP, transition: 'take', outcome: 'failed' }), 0);
      const starts = after.value('heartline_resource_operation_duration_seconds_count', { resource: 'hlmetrics', operation: 'start', result: 'running' });
      assert.equal(starts, 1, 'one start of the service, timed');
      const startSeconds = after.value('heartline_resource_operation_duration_seconds_sum', { resource: 'hlmetrics', operation: 'start', result: 'running' }) ?? 0;
      assert.ok(startSeconds > 0 && startSeconds < 10, `start took ${startSeconds} s`);
      assert.ok((after.value('heartline_resource_operation_duration_seconds_count', { resource: 'hlmetrics', operation: 'status', result: 'stopped' }) ?? 0) >= 1, 'the status before the start, timed');

      // The heartbeats stopped with the power cut: the count stands still, the silence grows past deadtime.
      const gap = after.value('heartline_heartbeat_silence_seconds', { node: 'node1' }) ?? 0;
      assert.ok(gap > DEADTIME_S, `silence of node1 ${gap} s > deadtime`);
      const frozen = after.value('heartline_heartbeats_total', { node: 'node1' }) ?? 0;
      assert.ok(frozen >= beats);
      await sleep(1000);
      const later = await scrapeMetrics(node2);
      assert.equal(later.value('heartline_heartbeats_total', { node: 'node1' }), frozen, 'no heartbeat from node1 since');
      assert.ok((later.value('heartline_heartbeat_silence_seconds', { node: 'node1' }) ?? 0) >= gap + 0.9, 'the silence grows');
      assert.ok((later.value('heartline_heartbeats_total', { node: 'node2' }) ?? 0) > 0, "node2's own heartbeats go on");
      t.diagnostic(`node1 silent ${later.value('heartline_heartbeat_silence_seconds', { node: 'node1' })} s at the last scrape; start of hlmetrics took ${Math.round(startSeconds * 1000)} ms`);

      await d2.stop();
    }),
  );
});
