import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failoverCluster } from './failoverCluster.js';

type Cluster = ReturnType<typeof failoverCluster>;

/** The service events since `from`, as `node op resource` lines. */
function timeline(c: Cluster, from = 0): string[] {
  return c.services.events.slice(from).map((e) => `${e.node} ${e.operation} ${e.resource}`);
}

/** Starts both nodes and lets them settle: each runs its own group. */
async function bothUp(mode: 'on' | 'off' | 'legacy', haresources?: string): Promise<Cluster> {
  const c = failoverCluster(mode, haresources);
  for (const n of c.nodes) await n.node.start();
  await c.run(20_000);
  return c;
}

/** Runs `act`, then `ms` of clock; returns the messages and service events it caused. */
async function step(c: Cluster, ms: number, act: () => unknown = () => undefined) {
  const m = c.messages.length;
  const e = c.services.events.length;
  await act();
  await c.run(ms);
  return { messages: c.messages.slice(m), events: timeline(c, e) };
}

function noOverlap(c: Cluster): void {
  const where = new Map<string, string>();
  for (const e of c.services.events) {
    if (e.operation === 'start') {
      const other = where.get(e.resource);
      assert.ok(other === undefined || other === e.node, `${e.resource} started on ${e.node} while running on ${other ?? '?'}`);
      where.set(e.resource, e.node);
    } else if ((e.operation === 'stop' || e.operation === 'crash') && where.get(e.resource) === e.node) {
      where.delete(e.resource);
    }
  }
}

describe('failover negotiation between two Heartline nodes (heartbeat 3.0.6 rules, in memory)', () => {
  it('auto_failback on, both starting together: neither is stable, so each takes its own group after RQSTDELAY (10 s)', async () => {
    const c = failoverCluster('on');
    for (const n of c.nodes) await n.node.start();
    await c.run(9_000);
    assert.deepEqual(c.services.events, [], 'nothing starts before RQSTDELAY');
    await c.run(11_000);
    assert.deepEqual(timeline(c).sort(), ['node1 start svcA', 'node1 start svcA2', 'node2 start svcB']);
    assert.ok(timeline(c).indexOf('node1 start svcA') < timeline(c).indexOf('node1 start svcA2'), 'left to right');
    for (const n of c.nodes) {
      assert.ok(n.lines().includes('info: local resource transition completed.'));
      assert.ok(n.lines().some((l) => l.startsWith('info: Initial resource acquisition complete')));
      assert.ok(!n.lines().some((l) => /ERROR|CRIT/.test(l)), n.lines().filter((l) => /ERROR|CRIT/.test(l)).join('\n'));
      assert.equal(n.node.status().resources?.resourceState, 'local');
    }
    assert.deepEqual(c.messages.filter((l) => l.startsWith('node1:')), [
      'node1: starting',
      'node1: resource rsc_hold=none rtype=full isstable=0',
      'node1: resource rsc_hold=local rtype=full isstable=1',
      'node1: resource rsc_hold=local rtype=full isstable=1',
      'node1: ip-request-resp dest=node1 ipaddr=svcA',
      'node1: resource rsc_hold=local rtype=full isstable=1 info=req_our_resources()',
    ]);
  });

  it('auto_failback on: a crashed owner’s group moves to the peer (02-takeover-crash), and back when it returns (03-failback)', async () => {
    const c = await bothUp('on');
    const crash = await step(c, 10_000, async () => {
      await c.nodes[0]!.node.halt();
      c.services.crash('node1', c.clock.now());
    });
    assert.deepEqual(crash.messages, [
      'node2: stonith node=node1 result=n_stnth',
      'node2: resource rsc_hold=all rtype=full isstable=1 info=req_our_resources()',
      'node2: resource rsc_hold=foreign info=mach_down',
    ]);
    assert.deepEqual(crash.events, ['node1 crash svcA', 'node1 crash svcA2', 'node2 start svcA', 'node2 start svcA2']);
    assert.equal(c.nodes[1]!.node.status().resources?.resourceState, 'all');

    const back = await step(c, 20_000, () => c.restart(0, 0x200).node.start());
    assert.deepEqual(back.messages, [
      'node1: starting',
      'node2: resource rsc_hold=all rtype=full isstable=1',
      'node1: resource rsc_hold=none rtype=full isstable=0',
      'node1: resource rsc_hold=none rtype=full isstable=1',
      'node2: resource rsc_hold=all rtype=full isstable=1',
      'node2: ask_resources rsc_hold=foreign info=me',
      'node1: ask_resources rsc_hold=foreign info=other',
      'node2: resource rsc_hold=local rtype=full isstable=0 info=standby',
      'node2: ask_resources rsc_hold=foreign info=done',
      'node1: ask_resources rsc_hold=foreign info=done',
      'node1: resource rsc_hold=local rtype=full isstable=1',
      'node2: resource rsc_hold=local rtype=full isstable=1',
      'node2: resource rsc_hold=local rtype=full isstable=1',
      'node1: resource rsc_hold=local rtype=full isstable=1',
    ]);
    assert.deepEqual(back.events, ['node2 stop svcA2', 'node2 stop svcA', 'node1 start svcA', 'node1 start svcA2'], 'stopped right to left on node2 before node1 starts them');
    assert.ok(c.nodes[0]!.lines().includes('info: Initial resource acquisition complete (auto_failback)'));
    noOverlap(c);
  });

  it('auto_failback off: the returning owner starts with nothing and the group stays where it is', async () => {
    const c = await bothUp('off');
    await step(c, 10_000, async () => {
      await c.nodes[0]!.node.halt();
      c.services.crash('node1', c.clock.now());
    });
    const back = await step(c, 20_000, () => c.restart(0, 0x200).node.start());
    assert.deepEqual(back.events, []);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    assert.equal(c.nodes[0]!.node.status().resources?.resourceState, 'none');
    assert.equal(c.nodes[1]!.node.status().resources?.resourceState, 'all');
  });

  it('standby and takeover (04-standby-takeover): `standby all` hands everything to the peer, `takeover all` takes it back', async () => {
    const c = await bothUp('on');
    const standby = await step(c, 5_000, () => assert.equal(c.nodes[0]!.node.requestStandby('standby', 'all'), undefined));
    assert.deepEqual(standby.messages, [
      'node1: ask_resources rsc_hold=all info=me',
      'node2: ask_resources rsc_hold=all info=other',
      'node1: resource rsc_hold=none rtype=full isstable=0 info=standby',
      'node1: ask_resources rsc_hold=all info=done',
      'node2: ask_resources rsc_hold=all info=done',
      'node2: resource rsc_hold=all rtype=full isstable=1',
      'node1: resource rsc_hold=none rtype=full isstable=1',
      'node1: resource rsc_hold=none rtype=full isstable=1',
      'node2: resource rsc_hold=all rtype=full isstable=1',
    ]);
    assert.deepEqual(standby.events, ['node1 stop svcA2', 'node1 stop svcA', 'node2 start svcA', 'node2 start svcA2']);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);

    const takeover = await step(c, 5_000, () => assert.equal(c.nodes[0]!.node.requestStandby('takeover', 'all'), undefined));
    assert.equal(takeover.messages[0], 'node1: hb_takeover rsc_hold=all');
    assert.equal(takeover.messages[1], 'node2: ask_resources rsc_hold=all info=me');
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2', 'svcB']);
    assert.deepEqual(c.services.on('node2'), []);
    noOverlap(c);
  });

  it('a standby request is refused while resources are in transition and in legacy mode', async () => {
    const c = failoverCluster('on');
    for (const n of c.nodes) await n.node.start();
    await c.run(3_000);
    assert.match(c.nodes[0]!.node.requestStandby('standby', 'all') ?? '', /transition/);
    const legacy = await bothUp('legacy');
    assert.match(legacy.nodes[0]!.node.requestStandby('standby', 'all') ?? '', /nice_failback/);
  });

  it('graceful stop (05-graceful-stop): the leaving node releases its group and says so; the peer takes it at once', async () => {
    const c = await bothUp('on');
    const stop = await step(c, 5_000, () => {
      void c.nodes[1]!.node.stop();
    });
    assert.deepEqual(stop.messages.slice(0, 2), ['node2: resource rsc_hold=none rtype=full isstable=0 info=shutdown', 'node2: shutdone']);
    assert.deepEqual(stop.events, ['node2 stop svcB', 'node1 start svcB']);
    assert.ok(stop.messages.includes('node1: resource rsc_hold=foreign info=mach_down'));
    assert.ok(c.nodes[0]!.lines().includes("info: Received shutdown notice from 'node2'."));
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2', 'svcB']);
  });

  it('stopped during the start-up negotiation, a node takes nothing and answers `none` as heartbeat does; the peer takes every group', async () => {
    const c = failoverCluster('on');
    for (const n of c.nodes) await n.node.start();
    await c.run(4_000);
    void c.nodes[0]!.node.stop(); // inside RQSTDELAY: heartbeat delays the shutdown until resources settle
    await c.run(20_000);
    assert.ok(c.nodes[0]!.lines().includes('WARN: Shutdown delayed until current resource activity finishes.'));
    const node1 = c.messages.filter((l) => l.startsWith('node1: resource'));
    assert.deepEqual(node1.slice(-2), ['node1: resource rsc_hold=none rtype=full isstable=1', 'node1: resource rsc_hold=none rtype=full isstable=0 info=shutdown']);
    assert.deepEqual(timeline(c).filter((l) => l.startsWith('node1')), [], 'node1 started nothing once asked to stop');
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    noOverlap(c);
  });

  it('legacy: each asks for its group with ip-request; the holder gives it up and answers', async () => {
    const c = failoverCluster('legacy');
    await c.nodes[1]!.node.start();
    await c.run(15_000); // node1 is not there: after initdead node2 is alone and takes everything
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcA2', 'svcB']);
    const join = await step(c, 15_000, () => c.nodes[0]!.node.start());
    assert.ok(join.messages.includes('node1: ip-request ipaddr=svcA'), join.messages.join('\n'));
    assert.ok(join.messages.includes('node2: ip-request-resp dest=node1 ipaddr=svcA'));
    assert.deepEqual(join.events, ['node2 stop svcA2', 'node2 stop svcA', 'node1 start svcA', 'node1 start svcA2']);
    noOverlap(c);
  });

  it('a failed start in the middle of a group stops what started, right to left, and the group is reported failed', async () => {
    const c = failoverCluster('on', 'node1 svcA svcMid svcZ\nnode2 svcB\n');
    c.services.failing.add('node1/svcMid');
    for (const n of c.nodes) await n.node.start();
    await c.run(20_000);
    const node1 = timeline(c).filter((l) => l.startsWith('node1'));
    assert.deepEqual(node1.slice(0, 3), ['node1 start svcA', 'node1 start-failed svcMid', 'node1 stop svcA']);
    assert.ok(c.nodes[0]!.lines().includes('CRIT: Giving up resources due to failure of svcMid'));
    const group = c.nodes[0]!.node.status().resources?.groups.find((g) => g.key === 'svcA');
    assert.equal(group?.failure, 'start of svcMid failed');
    // 30 s later node1 goes standby for its group, as heartbeat's ResourceManager does: node2 runs it.
    await c.run(35_000);
    assert.deepEqual(c.services.on('node2'), ['svcA', 'svcB', 'svcMid', 'svcZ']);
    noOverlap(c);
  });

  it('the standby 30 s after a failed takeover is dropped when the group went home meanwhile: its owner booted and got it back', async () => {
    const c = await bothUp('on');
    c.services.failing.add('node2/svcA');
    await c.nodes[0]!.node.halt();
    c.services.crash('node1', c.clock.now());
    await c.run(8_000);
    const node2 = c.nodes[1]!;
    assert.ok(node2.lines().includes('info: Standby [foreign] in 30 s so that the peer can run group svcA.'), node2.lines().join('\n'));
    assert.deepEqual(c.services.on('node2'), ['svcB'], 'svcA failed to start on node2 and was rolled back');
    const back = c.restart(0, 0x200);
    await back.node.start();
    await c.run(40_000);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2'], 'node1 took its group back');
    assert.ok(node2.lines().includes('info: Standby [foreign] for the failure of group svcA not needed: this node no longer holds its foreign groups.'), node2.lines().join('\n'));
    assert.equal(node2.lines().filter((l) => l.includes('wants to go standby')).length, 1, 'only the failback was a standby');
    assert.deepEqual(c.services.on('node2'), ['svcB']);
    noOverlap(c);
  });
});

describe('a group granted twice: a heartbeat peer that returns quickly (legacy)', () => {
  it('the returning peer answers its own ip-request-resp while we hold its group; we release it within a second and it runs at home only', async () => {
    // node2 counts peers as heartbeat 3.0.6 does: only once their `active` status was processed.
    const c = failoverCluster('legacy', undefined, undefined, ['node2']);
    for (const n of c.nodes) await n.node.start();
    await c.run(20_000);
    assert.deepEqual(c.services.on('node2'), ['svcB']);
    await c.nodes[1]!.node.halt();
    c.services.crash('node2', c.clock.now());
    await c.run(8_000);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2', 'svcB'], 'node1 took node2\'s group');
    // As on the real serial line: node2's first packets from node1 are an ACK and the `repnodes`
    // answer, so its comm-up comes before it has processed an `active` status of node1's.
    let answered = false;
    const text = (frame: Uint8Array) => Buffer.from(frame).toString('latin1');
    const stopDropping = c.network.dropWhen((from, to, frame) => {
      if (from !== 'node1' || to !== 'node2') return false;
      if (text(frame).includes('t=repnodes')) answered = true;
      return !answered && text(frame).includes('t=status');
    });
    const m = c.messages.length;
    await c.run(300); // not in step with node1's heartbeats
    await c.restart(1, 0x201).node.start();
    let both = 0;
    for (let t = 0; t < 20_000; t += 10) {
      await c.run(10);
      if (c.services.isRunning('node1', 'svcB') && c.services.isRunning('node2', 'svcB')) both += 10;
    }
    stopDropping();
    assert.ok(c.messages.slice(m).includes('node2: ip-request-resp dest=node2 ipaddr=svcB'), `node2 granted svcB to itself: ${c.messages.slice(m).join('\n')}`);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2'], 'node1 released svcB');
    assert.deepEqual(c.services.on('node2'), ['svcB'], 'svcB runs at home');
    assert.ok(both <= 1_000, `svcB ran on both nodes for ${both} ms`);
    const crit = c.nodes[0]!.lines().filter((l) => l.startsWith('CRIT:'));
    assert.equal(crit.length, 2, crit.join('\n'));
    assert.match(crit[0]!, /Resource group svcB runs on node2 and on this node: node2 granted it to itself/);
    assert.match(crit[1]!, /node2 is the home node of svcB: releasing it here/);
  });
});

describe('a state report delivered late (lost, then retransmitted)', () => {
  it('a peer\'s `resource isstable=0` retransmitted after its `resource isstable=1` does not make the peer look unstable again', async () => {
    const c = failoverCluster('on');
    // node1's first report (`resource none isstable=0`, its answer to `starting`) is lost on the
    // way to node2 until node1's stable report got through; node2 then gets it retransmitted.
    const text = (frame: Uint8Array) => Buffer.from(frame).toString('latin1');
    let stableSeen = false;
    let held = 0;
    const stopDropping = c.network.dropWhen((from, to, frame) => {
      if (from !== 'node1' || to !== 'node2' || !text(frame).includes('t=resource')) return false;
      if (text(frame).includes('isstable=1')) stableSeen = true;
      const drop = !stableSeen && text(frame).includes('isstable=0');
      if (drop) held++;
      return drop;
    });
    for (const n of c.nodes) await n.node.start();
    await c.run(25_000);
    stopDropping();
    assert.ok(held > 0 && stableSeen, `node1's first report was held back (${held} copies) until its stable one passed`);
    const node2 = c.nodes[1]!;
    assert.ok(node2.lines().some((l) => /resource message seq \w+ from node1 arrived after its seq \w+ \(retransmitted\): stale, ignored\./.test(l)), node2.lines().join('\n'));
    const status = node2.node.status().resources;
    assert.equal(status?.peerStable, true, 'node2 still sees node1 stable');
    assert.equal(status?.resourceState, 'local');
    assert.deepEqual(timeline(c).sort(), ['node1 start svcA', 'node1 start svcA2', 'node2 start svcB']);
  });
});

describe('an old standby request replayed to a node that booted (docs/cts.md)', () => {
  it('node2\'s `ask_resources me` of an earlier failback, retransmitted to node1\'s next incarnation after node2\'s newer report, is ignored as stale', async () => {
    const c = await bothUp('on');
    const text = (frame: Uint8Array) => Buffer.from(frame).toString('latin1');
    const toNode1: Uint8Array[] = [];
    c.network.dropWhen((from, to, frame) => {
      if (from === 'node2' && to === 'node1') toNode1.push(frame);
      return false;
    });
    const powerCut = async () => {
      await c.nodes[0]!.node.halt();
      c.services.crash('node1', c.clock.now());
      await c.run(8_000);
      assert.deepEqual(c.services.on('node2').sort(), ['svcA', 'svcA2', 'svcB'], 'node2 took node1\'s group');
    };
    await powerCut();
    // node2 keeps what node1 has not acknowledged: the request is still there to retransmit.
    c.network.dropWhen((from, _to, frame) => from === 'node1' && text(frame).includes('t=NS_ackmsg'));
    const second = c.restart(0, 0x200);
    await second.node.start();
    await c.run(40_000);
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2'], 'failback');
    const ask = toNode1.findIndex((f) => text(f).includes('t=ask_resources') && text(f).includes('info=me'));
    assert.ok(ask > 0, 'node2 asked node1 to take its group back');
    await powerCut();
    // The third node1 first reads a status that node2 sent before that request (a cable's buffer
    // keeps frames across a reboot), then node2's current ones: it has the gap retransmitted.
    const third = c.restart(0, 0x300);
    // The retransmitted request reaches node1 once node2's newer report did, as over a slow cable.
    const reportSeen = () => third.lines().includes('info: remote resource transition completed.');
    c.network.dropWhen((from, to, frame) => from === 'node2' && to === 'node1' && text(frame).includes('t=ask_resources') && !reportSeen());
    const cable = c.network.attach('node2', 'eth0');
    await cable.open();
    await third.node.start();
    const oldStatus = toNode1.slice(0, ask).reverse().find((f) => text(f).includes('t=status'));
    assert.ok(oldStatus !== undefined);
    await cable.send(oldStatus);
    await cable.close();
    await c.run(60_000);
    const lines = third.lines();
    assert.ok(lines.some((l) => /ask_resources message seq \w+ from node2 arrived after its seq \w+ \(retransmitted\): stale, ignored\./.test(l)), lines.join('\n'));
    assert.equal(lines.filter((l) => l.includes('node2 wants to go standby')).length, 1, 'only the new failback is taken as a standby request');
    assert.deepEqual(c.services.on('node1'), ['svcA', 'svcA2'], 'node1 got its group back');
    assert.equal(third.node.status().resources?.resourceState, "local", lines.join("\n"));
    noOverlap(c);
  });
});
