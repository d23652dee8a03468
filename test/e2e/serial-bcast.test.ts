import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'socat'] }) ?? false;
const deadtimeMs = 3000;

describe('two ha start nodes on bcast and a serial cable', { skip }, () => {
  let lab: NetnsLab;
  let nodes: HeartlineProcess[] = [];
  let failed = true;

  before(async () => {
    lab = await NetnsLab.create({ nodes: 2, serialCable: true });
    nodes = lab.nodes.map((node) => new HeartlineProcess(node));
  });

  after(async () => {
    for (const n of nodes) n.close();
    await lab?.destroy({ keepFiles: failed });
    if (failed && lab !== undefined) console.log(`lab files kept in ${lab.dir}`);
  });

  test('serial + bcast between two ha start nodes: unplugging the serial cable kills only that link; replugging brings it back', { timeout: 180_000 }, async () => {
    const cable = lab.cable;
    lab.nodes.forEach((node) =>
      writeHaConfig(node.configDir, {
        nodes: ['node1', 'node2'],
        iface: node.iface,
        media: [{ kind: 'bcast' }, { kind: 'serial', device: lab.cableEnd(node), baud: 19200 }],
        keepalive: '1',
        deadtime: '3',
        warntime: '2',
        initdead: '10',
      }),
    );
    for (const n of nodes) n.start();
    const [n1, n2] = nodes as [HeartlineProcess, HeartlineProcess];
    await waitForClusterView(n1, { node1: { status: 'active' }, node2: { status: 'active', deadtimeMs } });
    await waitForClusterView(n2, { node1: { status: 'active', deadtimeMs }, node2: { status: 'active' } });
    const linksOf = async (from: HeartlineProcess, peer: string): Promise<Record<string, string>> =>
      Object.fromEntries((await from.status())?.nodes.find((n) => n.name === peer)?.links.map((l) => [l.name, l.status]) ?? []);
    assert.deepEqual(await linksOf(n1, 'node2'), { hleth0: 'up', [cable.a]: 'up' });
    assert.deepEqual(await linksOf(n2, 'node1'), { hleth0: 'up', [cable.b]: 'up' });

    // Pull the serial cable: both transports see their pty close at once; membership marks the
    // serial link dead after deadtime, and the node stays alive over bcast.
    const from = n1.log.mark();
    await cable.unplug();
    await n1.log.waitFor(/Serial line \S+ lost/, { from, timeoutMs: 2000 });
    await n1.log.waitFor(new RegExp(`Link node2:${cable.a.replaceAll('/', '\\/')} dead\\.`), { from, timeoutMs: deadtimeMs + 2000 });
    await sleep(1000);
    assert.deepEqual(await linksOf(n1, 'node2'), { hleth0: 'up', [cable.a]: 'dead' });
    assert.deepEqual(await linksOf(n2, 'node1'), { hleth0: 'up', [cable.b]: 'dead' });
    for (const [n, peer] of [[n1, 'node2'], [n2, 'node1']] as const) {
      const status = await n.status();
      assert.equal(status?.localStatus, 'active');
      assert.equal(status?.nodes.find((x) => x.name === peer)?.status, 'active', `${n.node.name} still sees ${peer} active`);
    }
    assert.equal(n1.log.find(/node node2: is dead/, from), undefined, 'no node death for a link death');

    // Plug it back: the transports reopen the device, bytes flow, the link comes up.
    const back = n1.log.mark();
    const back2 = n2.log.mark();
    await cable.plug();
    await n1.log.waitFor(new RegExp(`Link node2:${cable.a.replaceAll('/', '\\/')} up\\.`), { from: back, timeoutMs: 15_000 });
    await n2.log.waitFor(new RegExp(`Link node1:${cable.b.replaceAll('/', '\\/')} up\\.`), { from: back2, timeoutMs: 15_000 });
    assert.deepEqual(await linksOf(n1, 'node2'), { hleth0: 'up', [cable.a]: 'up' });
    failed = false;
  });
});
