import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/time/ManualClock.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { makeMember, type Member } from './harness.js';

/** Members on one ManualClock, every transmission delivered to the others 1 ms later unless `drop` says so. */
function cluster(names: string[], drop: (from: string, to: string, msg: HaMessage) => boolean = () => false): Member[] {
  const clock = new ManualClock(0, Date.UTC(2026, 10, 25, 23, 55, 19));
  let members: Member[] = [];
  let seed = 1;
  members = names.map((name, i) =>
    makeMember(
      {
        localNode: name,
        nodes: names,
        generation: 0x1000 + i,
        random: () => {
          seed = (seed * 48271) % 2147483647;
          return seed / 2147483647;
        },
        transmit: (msg) => {
          for (const other of members) {
            if (other.m.local().name === name || drop(name, other.m.local().name, msg)) continue;
            const copy = new HaMessage(msg.fields);
            clock.setTimeout(() => other.m.receive(copy, 'eth0'), 1);
          }
          members[i]?.sent.push({ atMs: clock.now(), msg });
        },
      },
      clock,
    ),
  );
  return members;
}

describe('two and three members talking (comm-up, reqnodes/repnodes, leave, loss)', () => {
  it('both go active through reqnodes/repnodes', () => {
    const [a, b] = cluster(['node1', 'node2']);
    a!.m.start();
    a!.clock.advance(4000);
    b!.m.start();
    a!.clock.advance(2000);
    assert.equal(a!.m.localStatus, 'active');
    assert.equal(b!.m.localStatus, 'active');
    const rep = b!.sentOfType('repnodes')[0]!.msg;
    assert.deepEqual(
      rep.fields.slice(0, 5).map((f) => (f.type === 'string' ? `${f.name}=${f.value}` : f.name)),
      ['dest=node1', 't=repnodes', 'nodelist=node1 node2 ', 'delnodelist= ', 'destuuid'],
    );
    assert.ok(a!.lines().includes('info: Status update for node node2: status up'));
    assert.ok(a!.lines().includes('info: Status update for node node2: status active'));
    assert.ok(a!.lines().includes('info: Link node2:eth0 up.'));
    assert.deepEqual(
      a!.m.snapshot().nodes.map((n) => [n.name, n.status]),
      [
        ['node1', 'active'],
        ['node2', 'active'],
      ],
    );
  });

  it('leaves gracefully: status, shutdone st=dead, two statuses a second later, done a second after', async () => {
    const [a, b] = cluster(['node1', 'node2']);
    a!.m.start();
    b!.m.start();
    a!.clock.advance(3500); // between keepalive ticks
    const notices: string[] = [];
    b!.m.on((e) => e.kind === 'message' && e.message.get('t') === 'shutdone' && notices.push(`${e.from}:${e.message.get('st')}`));
    const start = a!.clock.now();
    const before = a!.sent.length;
    let done = false;
    const leaving = a!.m.shutdown().then(() => {
      done = true;
    });
    await Promise.resolve();
    a!.clock.advance(1);
    await Promise.resolve();
    const wire = () => a!.sent.slice(before).filter((s) => s.msg.get("t") !== "NS_ackmsg").map((s) => `${s.atMs - start}:${s.msg.get('t')}${s.msg.get('st') === undefined ? '' : `/${s.msg.get('st')}`}`);
    assert.deepEqual(wire().slice(0, 2), ['0:status/active', '0:shutdone/dead']);
    a!.clock.advance(999);
    await Promise.resolve();
    assert.deepEqual(wire().filter((w) => w.startsWith('1000:')), ['1000:status/active', '1000:status/active']);
    assert.equal(done, false);
    a!.clock.advance(1000);
    await leaving;
    assert.equal(done, true);
    assert.ok(a!.lines().includes('info: Heartbeat shutdown in progress. (17)'));
    assert.deepEqual(notices, ['node1:dead']);
    a!.m.halt();
    a!.clock.advance(7000);
    assert.ok(b!.lines().includes('WARN: node node1: is dead'));
  });

  it('rides out 25 % loss for 60 s: nobody declared dead, nothing irretrievably lost, history bounded', () => {
    let x = 7;
    const lossy = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648 < 0.25;
    };
    const members = cluster(['node1', 'node2', 'node3'], lossy);
    for (const member of members) member.m.start();
    members[0]!.clock.advance(60_000);
    for (const member of members) {
      const lines = member.lines();
      assert.ok(!lines.some((l) => l.includes('is dead')), `${member.m.local().name}: ${lines.filter((l) => l.includes('dead')).join('; ')}`);
      assert.ok(!lines.some((l) => l.includes('Irretrievably') || l.includes('Cannot rexmit')));
      assert.ok(lines.some((l) => l.includes('lost packet(s)')), 'the loss was seen');
      assert.equal(member.m.localStatus, 'active');
      assert.ok(member.m.history.size < 100, `history of ${member.m.local().name} holds ${member.m.history.size}`);
    }
  });
});
