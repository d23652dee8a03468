import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/time/ManualClock.js';
import type { Timer } from '../../src/time/Clock.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { makeMember, peerStatus, type Member } from './harness.js';

/** A ManualClock that counts the callbacks of the timers Membership arms; `deliver` is the network's, uncounted. */
class CountingClock extends ManualClock {
  fired = 0;

  override setTimeout(callback: () => void, delayMs: number): Timer {
    return super.setTimeout(() => {
      this.fired++;
      callback();
    }, delayMs);
  }

  override setInterval(callback: () => void, intervalMs: number): Timer {
    return super.setInterval(() => {
      this.fired++;
      callback();
    }, intervalMs);
  }

  deliver(callback: () => void, delayMs: number): void {
    super.setTimeout(callback, delayMs);
  }
}

/** Two members on one clock, each transmission delivered to the other 1 ms later. */
function pair(clock: CountingClock): Member[] {
  const names = ['node1', 'node2'];
  const members: Member[] = names.map((name, i) =>
    makeMember(
      {
        localNode: name,
        nodes: names,
        generation: 0x1000 + i,
        transmit: (msg) => {
          const other = members[1 - i]!;
          const copy = new HaMessage(msg.fields);
          clock.deliver(() => other.m.receive(copy, 'eth0'), 1);
        },
      },
      clock,
    ),
  );
  return members;
}

describe('an idle member wakes for its keepalive and its deadline checks only (no 250 ms poll, no 500 ms msgfree tick after comm-up)', () => {
  it('two active members over 10 idle seconds', () => {
    const clock = new CountingClock(0, Date.UTC(2026, 10, 25, 23, 55, 19));
    const [a, b] = pair(clock);
    a!.m.start();
    b!.m.start();
    clock.advanceTo(20_000);
    assert.equal(a!.m.localStatus, 'active');
    assert.equal(b!.m.localStatus, 'active');
    const before = clock.fired;
    clock.advanceTo(30_000);
    // Ten keepalives each, and three deadline checks each: a check armed for the peer's deadline is
    // not moved at every status; it fires, finds the peer alive and re-arms (about every dt - keepalive).
    assert.equal(clock.fired - before, 26);
    assert.ok(!a!.lines().some((l) => /dead/.test(l) && !/^info: Link node1/.test(l)), a!.lines().join('\n'));
  });

  it('still polls every 250 ms until comm-up', () => {
    const clock = new CountingClock(0, Date.UTC(2026, 10, 25, 23, 55, 19));
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'] }, clock);
    h.m.start();
    clock.advanceTo(2000);
    // 8 polls, 2 keepalives; node2 is silent, so comm is not up before initdead (12 s).
    assert.equal(clock.fired, 10);
  });

  it('declares a link dead at the first millisecond past its timeout after comm-up, not at a poll', () => {
    const h = makeMember({ localNode: 'node1', nodes: ['node1', 'node2'], linkNames: ['eth0', 'eth1'] });
    h.m.start();
    const hg = 0x6b07756d;
    let seq = 1;
    for (let at = 100; at <= 3100; at += 1000) {
      h.clock.advanceTo(at);
      h.m.receive(peerStatus('node2', seq++, hg, 'up', 3000), 'eth0');
      // eth1 carries node2's packets until 2100, then nothing more.
      if (at <= 2100) h.m.receive(peerStatus('node2', seq - 1, hg, 'up', 3000), 'eth1');
    }
    h.clock.advanceTo(5100);
    assert.ok(!h.lines().includes('info: Link node2:eth1 dead.'), 'exactly the timeout is not yet dead');
    h.clock.advanceTo(5101);
    // Last packet on eth1 at 2100; every link's timeout is the table's last node's (node2: dt 3000).
    const at = h.sink.records.find((r) => r.message === 'Link node2:eth1 dead.')?.time.getTime();
    assert.equal(at === undefined ? undefined : at - Date.UTC(2026, 10, 25, 23, 55, 19), 5101);
    h.clock.advanceTo(5200);
    assert.ok(!h.lines().includes('info: Link node2:eth0 dead.'));
  });
});
