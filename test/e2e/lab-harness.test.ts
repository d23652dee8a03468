import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

// Self-test of the lab harness with two real heartbeat 3.0.6 daemons: if this fails, the
// Heartline e2e and interop failures are about the harness, not Heartline.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'nft', 'unshare', 'nsenter', 'cl_status'] }) ?? heartbeatSkipReason();

describe('lab harness with two real heartbeat daemons', { skip }, () => {
  let lab: NetnsLab;
  const daemons: RealHeartbeat[] = [];
  let failed = false;
  let startedAt = 0;

  before(async () => {
    lab = await NetnsLab.create({ nodes: 2 });
    for (const node of lab.nodes) {
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }],
        keepalive: '100ms',
        deadtime: '500ms',
        initdead: '10',
      });
      daemons.push(new RealHeartbeat(node));
    }
  });

  after(async () => {
    for (const d of daemons) d.close();
    await lab?.destroy({ keepFiles: failed });
    if (failed) console.log(`lab files kept in ${lab.dir}`);
  });

  test('nodes are isolated: own hostname, own address, own /etc/ha.d', async () => {
    const node = lab.node(1);
    assert.equal((await node.exec('uname', ['-n'])).stdout.trim(), 'node1');
    assert.match((await node.exec('ip', ['-4', '-o', 'addr', 'show', 'hleth0'])).stdout, /10\.213\.0\.11\/24 brd 10\.213\.0\.255/);
    assert.match((await node.exec('cat', ['/etc/ha.d/ha.cf'])).stdout, /^bcast hleth0$/m);
    assert.match((await lab.node(2).exec('ping', ['-c1', '-W2', '10.213.0.11'])).stdout, /1 received/);
  });

  test('both daemons join and each sees the other active (cl_status)', async () => {
    try {
      await Promise.all(daemons.map((d) => d.start()));
      startedAt = performance.now();
      for (const [d, peer] of [[daemons[0]!, 'node2'], [daemons[1]!, 'node1']] as const) {
        await waitUntil(`${d.node.name} to see ${peer} active`, async () => ((await d.nodeStatus(peer)) === 'active' ? true : undefined), {
          timeoutMs: 30_000,
          intervalMs: 200,
        });
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  test('nftables loss drops packets at a node; a SIGKILLed daemon is declared dead by the other', async () => {
    try {
      await lab.node(2).setLoss(30, { direction: 'in' });
      await new Promise((r) => setTimeout(r, 1500));
      const counters = await lab.node(2).lossCounters();
      await lab.node(2).clearLoss();
      assert.ok(counters.in > 0, 'the input chain dropped heartbeat packets');
      assert.equal(counters.out, 0);
      assert.equal(await daemons[1]!.nodeStatus('node1'), 'active');
      // For its first 5 s heartbeat announces dt = deadtime + 2 s; peers use the announced value.
      await new Promise((r) => setTimeout(r, Math.max(0, startedAt + 5500 - performance.now())));
      const from = daemons[1]!.log.mark();
      const at = await daemons[0]!.kill();
      const dead = await daemons[1]!.log.waitFor(/node node1: is dead/, { timeoutMs: 10_000, from });
      const detectionMs = dead.seenAtMs - at;
      console.log(`heartbeat detected heartbeat's SIGKILL in ${detectionMs.toFixed(0)} ms (keepalive 100 ms, deadtime 500 ms)`);
      assert.ok(detectionMs > 300 && detectionMs < 1000, `detection ${detectionMs} ms`);
      assert.equal(await daemons[1]!.nodeStatus('node1'), 'dead');
      await daemons[1]!.stop();
      assert.deepEqual(await daemons[1]!.pids(), []);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
