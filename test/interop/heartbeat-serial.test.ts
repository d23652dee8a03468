import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { SERIAL_DEADTIME_MS as deadtimeMs, writeSerialCableConfig } from '../lib/writeSerialCableConfig.js';

// A real heartbeat 3.0.6 (node1) and a Heartline node (node2), each in its lab container, joined
// only by a socat pty pair made on the host: the lab's network is there but no medium uses it.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'socat', 'cl_status'] }) ?? heartbeatSkipReason();

describe('interop: heartbeat 3.0.6 and Heartline over a serial cable', { skip }, () => {
  let lab: NetnsLab;
  let real: RealHeartbeat;
  let ours: HeartlineProcess;
  const fixture = new LabFixture({ nodes: 2, serialCable: true }, (built, f) => {
    lab = built;
    real = f.closeAfter(new RealHeartbeat(built.node(1)));
    ours = f.closeAfter(new HeartlineProcess(built.node(2)));
  });
  // Until the test below ends well, a failure (or a timeout) keeps the lab's files.
  fixture.failed = true;

  test('a real heartbeat 3.0.6 and a Heartline node joined only by a socat pty cable: both active, each sees the other die', { timeout: 180_000 }, async (t) => {
    const cable = lab.cable;
    writeSerialCableConfig(lab, ['realtime off']);
    await real.start();
    ours.start();

    // Both active, each seeing the other active over the cable.
    await real.log.waitFor(/Status update for node node2: status active/, { timeoutMs: 30_000 });
    await ours.log.waitFor(/Status update for node node1: status active/, { timeoutMs: 30_000 });
    assert.match((await real.clStatus('hbstatus')).stdout, /Heartbeat is running on this machine/);
    assert.equal(await real.nodeStatus('node1'), 'active');
    assert.equal(await real.nodeStatus('node2'), 'active');
    assert.equal((await real.clStatus('hblinkstatus', 'node2', cable.a)).stdout.trim(), 'up');
    const status = await ours.status();
    assert.ok(status, 'ha status answers');
    assert.equal(status.localStatus, 'active');
    assert.ok(status.commUp);
    const peer = status.nodes.find((n) => n.name === 'node1');
    assert.equal(peer?.status, 'active');
    assert.deepEqual(peer?.links, [{ name: cable.b, status: 'up' }]);
    assert.doesNotMatch(real.log.lines.map((l) => l.text).join('\n'), /ERROR|CRIT|bad node|replay|auth/i);

    // Kill ours: the real heartbeat declares node2 dead; ours comes back and rejoins.
    await sleep(6000); // past both nodes' start-up deadtime boost (dt = deadtime + 2 s for 5 s)
    let from = real.log.mark();
    let killedAt = await ours.kill();
    const realSawDeath = await real.log.waitFor(/WARN: node node2: is dead/, { from, timeoutMs: deadtimeMs + 5000 });
    const heartbeatDetectMs = realSawDeath.seenAtMs - killedAt;
    assert.equal(await real.nodeStatus('node2'), 'dead');
    from = real.log.mark();
    ours.start();
    await real.log.waitFor(/Status update for node node2: status active/, { from, timeoutMs: 30_000 });
    await waitUntil('ours active with node1 active', async () => {
      const s = await ours.status();
      return s?.localStatus === 'active' && s.nodes.some((n) => n.name === 'node1' && n.status === 'active') ? true : undefined;
    });

    // Kill the real one: ours declares node1 dead in time and stays active.
    await sleep(6000);
    const mark = ours.log.mark();
    killedAt = await real.kill();
    const oursSawDeath = await ours.log.waitFor(/WARN: node node1: is dead/, { from: mark, timeoutMs: deadtimeMs + 5000 });
    const heartlineDetectMs = oursSawDeath.seenAtMs - killedAt;
    const view = await ours.status();
    assert.equal(view?.localStatus, 'active');
    assert.equal(view?.nodes.find((n) => n.name === 'node1')?.status, 'dead');
    t.diagnostic(`death detected after: heartbeat ${Math.round(heartbeatDetectMs)} ms, Heartline ${Math.round(heartlineDetectMs)} ms (deadtime ${deadtimeMs} ms)`);
    assert.ok(heartlineDetectMs <= deadtimeMs + 300, `Heartline took ${heartlineDetectMs} ms`);
    // heartbeat's own detection is not ours to bound tightly: it checks every 250 ms and logs late.
    assert.ok(heartbeatDetectMs <= deadtimeMs + 1500, `heartbeat took ${heartbeatDetectMs} ms`);
    fixture.failed = false;
  });
});
