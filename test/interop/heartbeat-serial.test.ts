import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { e2eSkipReason } from '@heartline/core/testing';
import { LogTail } from '../lib/LogTail.js';
import { waitUntil } from '../lib/waitUntil.js';
import { HeartlineSerialNode } from '../lib/serial/HeartlineSerialNode.js';
import { HEARTBEAT_BIN, RealHeartbeatNode } from '../lib/serial/RealHeartbeatNode.js';
import { SocatCable } from '../lib/serial/SocatCable.js';

const skip = e2eSkipReason({ root: true, commands: ['socat', 'unshare', 'nsenter', 'perl', 'cl_status', HEARTBEAT_BIN] }) ?? false;
const key = 'hbl-lab-test-key';
const deadtimeMs = 3000;

function haCf(device: string): string {
  return ['keepalive 1', 'deadtime 3', 'warntime 2', 'initdead 10', 'baud 19200', `serial ${device}`, 'auto_failback on', 'crm no', 'node node1', 'node node2', ''].join('\n');
}

test('a real heartbeat 3.0.6 and a Heartline node joined only by a socat pty cable: both active, each sees the other die', { skip, timeout: 180_000 }, async (t) => {
  const cable = new SocatCable('heartline-interop-serial-');
  const real = new RealHeartbeatNode(mkdtempSync(join(tmpdir(), 'heartline-interop-hb-')), 'node1');
  const ours = new HeartlineSerialNode(mkdtempSync(join(tmpdir(), 'heartline-interop-hl-')), 'node2');
  let realLog: LogTail | undefined;
  try {
    await cable.plug();
    real.configure(['logfacility none', 'logfile /var/log/ha-log', 'debugfile /var/log/ha-debug', 'use_logd no', 'realtime off', haCf(cable.a)].join('\n'), key);
    ours.configure(haCf(cable.b), key);
    realLog = new LogTail(real.logPath);
    await real.start();
    ours.start();

    // Both active, each seeing the other active over the cable.
    await realLog.waitFor(/Status update for node node2: status active/, { timeoutMs: 30_000 });
    await ours.log.waitFor(/Status update for node node1: status active/, { timeoutMs: 30_000 });
    assert.match(await real.exec('cl_status', ['hbstatus']), /Heartbeat is running on this machine/);
    assert.equal((await real.exec('cl_status', ['nodestatus', 'node1'])).trim(), 'active');
    assert.equal((await real.exec('cl_status', ['nodestatus', 'node2'])).trim(), 'active');
    assert.equal((await real.exec('cl_status', ['hblinkstatus', 'node2', cable.a])).trim(), 'up');
    const status = await ours.status();
    assert.equal(status.localStatus, 'active');
    assert.ok(status.commUp);
    const peer = status.nodes.find((n) => n.name === 'node1');
    assert.equal(peer?.status, 'active');
    assert.deepEqual(peer?.links, [{ name: cable.b, status: 'up' }]);
    assert.doesNotMatch(realLog.lines.map((l) => l.text).join('\n'), /ERROR|CRIT|bad node|replay|auth/i);

    // Kill ours: the real heartbeat declares node2 dead; ours comes back and rejoins.
    await sleep(6000); // past both nodes' start-up deadtime boost (dt = deadtime + 2 s for 5 s)
    let from = realLog.mark();
    let killedAt = performance.now();
    await ours.kill();
    const realSawDeath = await realLog.waitFor(/WARN: node node2: is dead/, { from, timeoutMs: deadtimeMs + 5000 });
    const heartbeatDetectMs = realSawDeath.seenAtMs - killedAt;
    assert.equal((await real.exec('cl_status', ['nodestatus', 'node2'])).trim(), 'dead');
    from = realLog.mark();
    ours.start();
    await realLog.waitFor(/Status update for node node2: status active/, { from, timeoutMs: 30_000 });
    await waitUntil('ours active with node1 active', async () => {
      const s = await ours.status();
      return s.localStatus === 'active' && s.nodes.some((n) => n.name === 'node1' && n.status === 'active') ? true : undefined;
    });

    // Kill the real one: ours declares node1 dead in time and stays active.
    await sleep(6000);
    const mark = ours.log.mark();
    killedAt = performance.now();
    await real.stop();
    const oursSawDeath = await ours.log.waitFor(/WARN: node node1: is dead/, { from: mark, timeoutMs: deadtimeMs + 5000 });
    const heartlineDetectMs = oursSawDeath.seenAtMs - killedAt;
    const after = await ours.status();
    assert.equal(after.localStatus, 'active');
    assert.equal(after.nodes.find((n) => n.name === 'node1')?.status, 'dead');
    t.diagnostic(`death detected after: heartbeat ${Math.round(heartbeatDetectMs)} ms, Heartline ${Math.round(heartlineDetectMs)} ms (deadtime ${deadtimeMs} ms)`);
    assert.ok(heartlineDetectMs <= deadtimeMs + 300, `Heartline took ${heartlineDetectMs} ms`);
    // heartbeat's own detection is not ours to bound tightly: it checks every 250 ms and logs late.
    assert.ok(heartbeatDetectMs <= deadtimeMs + 1500, `heartbeat took ${heartbeatDetectMs} ms`);
  } finally {
    realLog?.close();
    await real.stop();
    await ours.dispose();
    await cable.dispose();
    real.dispose();
  }
});
