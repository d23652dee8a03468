import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import type { HeartlineStatus } from '../lib/HeartlineStatus.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { percentile } from '../lib/percentile.js';
import { sleep } from '../lib/sleep.js';
import { SERIAL_DEADTIME_MS as deadtimeMs, writeSerialCableConfig } from '../lib/writeSerialCableConfig.js';

const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'socat'] }) ?? false;

const sees = (status: HeartlineStatus | undefined, peer: string, want: string): boolean =>
  status?.nodes.some((n) => n.name === peer && n.status === want && n.links.some((l) => l.status === (want === 'dead' ? 'dead' : 'up'))) ?? false;

describe('two ha start nodes on a serial cable', { skip }, () => {
  let lab: NetnsLab;
  let node1: HeartlineProcess;
  let node2: HeartlineProcess;
  const fixture = new LabFixture({ nodes: 2, serialCable: true }, (built, f) => {
    lab = built;
    node1 = f.closeAfter(new HeartlineProcess(built.node(1)));
    node2 = f.closeAfter(new HeartlineProcess(built.node(2)));
  });
  // Until the test below ends well, a failure (or a timeout) keeps the lab's files.
  fixture.failed = true;

  test('two `ha start` nodes joined only by a socat serial cable at 19200 baud: both active; a killed node is dead within deadtime + 300 ms', { timeout: 120_000 }, async (t) => {
    writeSerialCableConfig(lab);
    node1.start();
    node2.start();
    await node1.log.waitFor(/Status update for node node2: status active/, { timeoutMs: 20_000 });
    await node2.log.waitFor(/Status update for node node1: status active/, { timeoutMs: 20_000 });
    const [s1, s2] = await Promise.all([node1.status(), node2.status()]);
    assert.equal(s1?.localStatus, 'active');
    assert.equal(s2?.localStatus, 'active');
    assert.ok(sees(s1, 'node2', 'active'), JSON.stringify(s1?.nodes));
    assert.ok(sees(s2, 'node1', 'active'), JSON.stringify(s2?.nodes));
    assert.ok(s1?.nodes.find((n) => n.name === 'node2')?.links.some((l) => l.name === lab.cable.a && l.status === 'up'));

    // Kill node2 three times (restarting it in between); node1 must call it dead each time in time.
    const detections: number[] = [];
    for (let round = 0; round < 3; round++) {
      // A starting node announces dt = deadtime + 2 s for its first 5 s (as heartbeat): wait it out.
      await sleep(6000);
      const from = node1.log.mark();
      const killedAt = await node2.kill();
      const dead = await node1.log.waitFor(/WARN: node node2: is dead/, { from, timeoutMs: deadtimeMs + 5000 });
      detections.push(dead.seenAtMs - killedAt);
      await node1.log.waitFor(/Link node2:\S+ dead\./, { from, timeoutMs: 2000 });
      assert.ok(sees(await node1.status(), 'node2', 'dead'));
      assert.equal((await node1.status())?.localStatus, 'active', 'node1 stays active');
      const back = node1.log.mark();
      node2.start();
      await node1.log.waitFor(/Status update for node node2: status active/, { from: back, timeoutMs: 20_000 });
    }
    t.diagnostic(`node2 killed -> node1 logs "is dead" after ${detections.map((d) => Math.round(d)).join(', ')} ms (deadtime ${deadtimeMs} ms, keepalive 1 s)`);
    assert.ok(percentile(detections, 100) <= deadtimeMs + 300, `detections ${detections.join(', ')}`);
    assert.ok(percentile(detections, 0) >= deadtimeMs - 1000 - 100, 'not declared dead before deadtime minus one keepalive');
    fixture.failed = false;
  });
});
