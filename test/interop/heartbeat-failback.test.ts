import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

// heartbeat 3.0.6 (node1) and Heartline (node2) with auto_failback on: heartbeat's nice_failback
// resource negotiation (starting / resource) is answered by Heartline as a node holding nothing,
// so heartbeat completes its start-up and a SIGTERM to it no longer hangs in "Shutdown delayed
// until current resource activity finishes" (a rolling migration can stop the old node).
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'cl_status'] }) ?? heartbeatSkipReason();
/** heartbeat's graceful stop takes ~2-3 s; before Heartline answered the negotiation it never ended. */
const STOP_TIMEOUT_MS = 15_000;
const JOIN_TIMEOUT_MS = 20_000;

describe('interop: heartbeat 3.0.6 and Heartline negotiate resources (auto_failback on)', { skip }, () => {
  let lab: NetnsLab;
  let hb: RealHeartbeat;
  let hl: HeartlineProcess;
  let failed = false;

  const guard = async (body: () => Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (error) {
      failed = true;
      throw error;
    }
  };

  const bothActive = async (): Promise<void> => {
    await waitUntil('heartbeat (node1) to see node2 active', async () => ((await hb.nodeStatus('node2')) === 'active' ? true : undefined), {
      timeoutMs: JOIN_TIMEOUT_MS,
      intervalMs: 100,
    });
    await waitForClusterView(hl, { node1: { status: 'active' }, node2: { status: 'active' } }, JOIN_TIMEOUT_MS);
  };

  /** heartbeat's graceful stop must end in time while Heartline stays up, and Heartline hears its leave. */
  const stopHeartbeatFirst = async (options: { standbyPending?: boolean } = {}): Promise<void> => {
    const hbFrom = hb.log.mark();
    const hlFrom = hl.log.mark();
    const t0 = performance.now();
    await hb.stop(STOP_TIMEOUT_MS);
    const ms = performance.now() - t0;
    console.log(`heartbeat stopped gracefully in ${ms.toFixed(0)} ms while Heartline ran`);
    assert.ok(hl.running, 'Heartline is still up');
    const hbLines = hb.log.lines.slice(hbFrom).map((l) => l.text);
    if (options.standbyPending !== true) {
      assert.ok(!hbLines.some((l) => /Shutdown delayed until current resource activity finishes/.test(l)), hbLines.join('\n'));
    }
    for (const line of [/Heartbeat shutdown in progress/, /Giving up all HA resources\./, /All HA resources relinquished\./, /node1 Heartbeat shutdown complete\./]) {
      assert.ok(hbLines.some((l) => line.test(l)), `heartbeat logged ${line}`);
    }
    await hl.log.waitFor(/Received shutdown notice from 'node1'\./, { from: hlFrom, timeoutMs: 5_000 });
    await hl.log.waitFor(/WARN: node node1: is dead/, { from: hlFrom, timeoutMs: 10_000 });
  };

  before(async () => {
    lab = await NetnsLab.create({ nodes: 2 });
    hb = new RealHeartbeat(lab.node(1));
    hl = new HeartlineProcess(lab.node(2));
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: '200ms',
        deadtime: '2',
        initdead: '10',
        auth: { method: 'sha1', key: 'hlu-failback-key' },
        haresources: '',
        autoFailback: 'on',
      });
    }
  });

  after(async () => {
    if (hl?.running && (await hl.stop(5_000)) === null) await hl.kill().catch(() => undefined);
    if (hb !== undefined && (await hb.pids()).length > 0) await hb.stop(5_000).catch(() => hb.kill());
    hb?.close();
    hl?.close();
    await lab?.destroy({ keepFiles: failed });
    if (failed) console.log(`lab files kept in ${lab.dir}`);
  });

  test('started together: heartbeat completes its resource start-up, and stops first within 15 s', { timeout: 60_000 }, () =>
    guard(async () => {
      const hbFrom = hb.log.mark();
      await hb.start();
      hl.start();
      await bothActive();
      await hb.log.waitFor(/remote resource transition completed\./, { from: hbFrom, timeoutMs: JOIN_TIMEOUT_MS });
      await hb.log.waitFor(/Initial resource acquisition complete/, { from: hbFrom, timeoutMs: JOIN_TIMEOUT_MS });
      await stopHeartbeatFirst();
    }));

  test('heartbeat joins a running Heartline; Heartline stops first and heartbeat logs its shutdown notice', { timeout: 60_000 }, () =>
    guard(async () => {
      const hbFrom = hb.log.mark();
      await hb.start();
      await bothActive();
      await hb.log.waitFor(/remote resource transition completed\./, { from: hbFrom, timeoutMs: JOIN_TIMEOUT_MS });
      await hb.log.waitFor(/Initial resource acquisition complete/, { from: hbFrom, timeoutMs: JOIN_TIMEOUT_MS });
      const hlFrom = hl.log.mark();
      assert.equal(await hl.stop(STOP_TIMEOUT_MS), 0, 'Heartline exits 0 on SIGTERM');
      const hlLines = hl.log.lines.slice(hlFrom).map((l) => l.text);
      for (const line of [/Heartbeat shutdown in progress/, /Giving up all HA resources\./, /All HA resources relinquished\./]) {
        assert.ok(hlLines.some((l) => line.test(l)), `Heartline logged ${line}`);
      }
      await hb.log.waitFor(/Received shutdown notice from 'node2'\./, { from: hbFrom, timeoutMs: 5_000 });
      await hb.log.waitFor(/WARN: node node2: is dead/, { from: hbFrom, timeoutMs: 10_000 });
    }));

  test('Heartline joins a stable heartbeat; heartbeat still stops within 15 s', { timeout: 60_000 }, () =>
    guard(async () => {
      const hbFrom = hb.log.mark();
      hl.start();
      await bothActive();
      // Our `starting` makes heartbeat count us unstable until our `resource … isstable=1` follows.
      await hb.log.waitFor(/remote resource transition completed\./, { from: hbFrom, timeoutMs: JOIN_TIMEOUT_MS });
      // heartbeat took our (empty) foreign share when we left in the previous test; seeing us stable
      // it asks to give it back (auto-failback, ask_resources). Heartline does not answer the standby
      // protocol yet, so heartbeat's stop waits for its 10 s standby timeout, still within 15 s.
      await hb.log.waitFor(/node1 wants to go standby \[foreign\]/, { from: hbFrom, timeoutMs: 5_000 });
      await stopHeartbeatFirst({ standbyPending: true });
      assert.equal(await hl.stop(STOP_TIMEOUT_MS), 0, 'Heartline exits 0 on SIGTERM');
    }));
});
