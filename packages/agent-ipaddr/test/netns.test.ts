import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentDriver, e2eSkipReason, type DriverAnswer } from '@heartline/core/testing';
import { ArpWatch, ipAddrDriverPath } from '../src/testing.js';
import { IpLab } from './helpers/IpLab.js';

// Real addresses, real ARP: the agents run in a namespace of their own (see
// src/testing/agentDriverProcess.ts), joined by a veth pair to a peer namespace where tcpdump watches
// the wire. Nothing is sent from the root namespace and every address is in 10.213.0.0/24.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'tcpdump', 'arping', 'setpriv'], files: ['/usr/libexec/heartbeat/send_arp'] }) ?? false;
if (skip !== false) console.log(`# agent-ipaddr netns tests skipped: ${skip}`);

const result = (answer: DriverAnswer) => answer.result as { status: string; reason?: string };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('agent-ipaddr in a network namespace', () => {
  const lab = new IpLab();
  let driver: AgentDriver;
  let watch: ArpWatch;

  before(async () => {
    if (skip !== false) return;
    await lab.create();
    watch = new ArpWatch(lab.b, 'hlv1');
    await watch.ready();
    driver = new AgentDriver(ipAddrDriverPath, lab.a, { HA_RSCTMP: lab.rscTmp });
  });

  after(async () => {
    if (skip !== false) {
      lab.removeFiles();
      return;
    }
    try {
      await driver?.close();
      await watch?.stop();
    } finally {
      await lab.destroy();
      lab.removeFiles();
    }
  });

  test('IPaddr start: the address on hlv0 as hlv0:0, its first GARP on the wire before start returns; status running; a second start changes nothing', { skip }, async (t) => {
    assert.equal(result(await driver.ask('status', '10.213.0.50/25/hlv0')).status, 'stopped');
    const start = await driver.ask('start', '10.213.0.50/25/hlv0');
    assert.deepEqual(start.result, { status: 'running' }, start.logs.join('\n'));
    const [vip, ...more] = (await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.50/'));
    assert.match(vip ?? '', /inet 10\.213\.0\.50\/25 brd 10\.213\.0\.127 scope global secondary hlv0:0/);
    assert.deepEqual(more, []);
    await waitFor('the first GARP in the capture', () => watch.gratuitous('10.213.0.50').requests.length > 0);
    const [first] = watch.gratuitous('10.213.0.50').requests;
    assert.equal(first?.from, lab.macA);
    const marginMs = start.returnedAtMs - (first?.atMs ?? Infinity);
    t.diagnostic(`start took ${(start.returnedAtMs - start.calledAtMs).toFixed(1)} ms (probe 10 ms included); first GARP ${((first?.atMs ?? 0) - start.calledAtMs).toFixed(1)} ms after the call, ${marginMs.toFixed(2)} ms before start returned`);
    // Both times are the kernel's wall clock; 0.5 ms allows for rounding between tcpdump's and Node's.
    assert.ok(marginMs > -0.5, `the first GARP (${first?.atMs}) must be on the wire before start returns (${start.returnedAtMs})`);

    assert.equal(result(await driver.ask('status', '10.213.0.50/25/hlv0')).status, 'running');
    assert.deepEqual((await driver.ask('start', '10.213.0.50/25/hlv0')).result, { status: 'running' });
    assert.equal((await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.50/')).length, 1);
    // The rest of the burst, in the background: 5 request + reply pairs, 200 ms apart, from our MAC.
    await waitFor('the whole burst', () => watch.gratuitous('10.213.0.50').replies.length >= 5, 3000);
    const burst = watch.gratuitous('10.213.0.50');
    assert.deepEqual([burst.requests.length, burst.replies.length], [5, 5]);
    assert.ok([...burst.requests, ...burst.replies].every((f) => f.from === lab.macA));
  });

  test('stop removes the address; a second stop and status answer stopped', { skip }, async () => {
    assert.deepEqual((await driver.ask('stop', '10.213.0.50/25/hlv0')).result, { status: 'stopped' });
    assert.deepEqual((await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.50/')), []);
    assert.deepEqual((await driver.ask('stop', '10.213.0.50/25/hlv0')).result, { status: 'stopped' });
    assert.equal(result(await driver.ask('status', '10.213.0.50/25/hlv0')).status, 'stopped');
  });

  test('IPaddr2 without nic or netmask: findif puts it on hlv0 as /25, with no alias label', { skip }, async () => {
    assert.deepEqual((await driver.ask('start', 'IPaddr2::10.213.0.51')).result, { status: 'running' });
    const [vip] = (await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.51/'));
    assert.match(vip ?? '', /inet 10\.213\.0\.51\/25 brd 10\.213\.0\.127 scope global secondary hlv0\\/);
    assert.deepEqual((await driver.ask('stop', 'IPaddr2::10.213.0.51')).result, { status: 'stopped' });
  });

  test("an address another host answers for: failed with that host's MAC, nothing added", { skip }, async () => {
    await lab.ip(lab.b, 'addr', 'add', '10.213.0.52/25', 'dev', 'hlv1');
    try {
      const answer = await driver.ask('start', '10.213.0.52/25/hlv0');
      assert.equal(result(answer).status, 'failed');
      assert.match(result(answer).reason ?? '', new RegExp(`^IPADDR_IN_USE: 10\\.213\\.0\\.52 is already in use on the network: ${lab.macB} answered an ARP probe on hlv0`));
      assert.deepEqual((await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.52/')), []);
      assert.deepEqual(watch.gratuitous('10.213.0.52').requests, [], 'no GARP for an address refused');
    } finally {
      await lab.ip(lab.b, 'addr', 'del', '10.213.0.52/25', 'dev', 'hlv1');
    }
  });

  test('a missing interface, an interface down, no route to find one: failed with the cause, nothing added', { skip }, async () => {
    const before = await lab.addressesOf('hlv0');
    const cases: [string, RegExp][] = [
      ['10.213.0.53/25/nosuch0', /^IPADDR_NO_INTERFACE: IPaddr 10\.213\.0\.53: interface nosuch0 does not exist$/],
      ['10.213.0.53/25/hlw0', /^IPADDR_INTERFACE_DOWN: IPaddr 10\.213\.0\.53: interface hlw0 is down/],
      ['IPaddr2::10.213.0.200', /^IPADDR_NO_ROUTE: IPaddr2 10\.213\.0\.200: no directly connected route covers the address/],
    ];
    for (const [resource, reason] of cases) {
      const answer = result(await driver.ask('start', resource));
      assert.equal(answer.status, 'failed', resource);
      assert.match(answer.reason ?? '', reason);
    }
    assert.deepEqual(await lab.addressesOf('hlv0'), before);
    assert.deepEqual(await lab.addressesOf('hlw0'), []);
  });

  test('without send_arp, arping -U announces it; stop kills the rest of its burst', { skip }, async () => {
    const start = await driver.ask('start', '10.213.0.54/25/hlv0', { hide: ['send_arp'] });
    assert.deepEqual(start.result, { status: 'running' }, start.logs.join('\n'));
    assert.ok(start.logs.some((l) => l.includes('/usr/bin/arping -U -c 5 -i 1 -w 6 -I hlv0 10.213.0.54')), start.logs.join('\n'));
    await waitFor('the first unsolicited ARP', () => watch.gratuitous('10.213.0.54').requests.length > 0);
    assert.ok((watch.gratuitous('10.213.0.54').requests[0]?.atMs ?? Infinity) < start.returnedAtMs + 0.5);
    const arpings = async () => (await lab.pids(lab.a)).filter((pid) => pid !== driver.pid).length;
    assert.equal(await arpings(), 1, 'the burst runs on in the background');
    assert.deepEqual((await driver.ask('stop', '10.213.0.54/25/hlv0', { hide: ['send_arp'] })).result, { status: 'stopped' });
    await waitFor('arping to be killed', async () => (await arpings()) === 0);
    assert.deepEqual((await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.54/')), []);
  });

  test('not root: the kernel refuses (EPERM), the start fails with the cause and nothing is added', { skip }, async () => {
    const nobody = new AgentDriver(ipAddrDriverPath, lab.a, { HA_RSCTMP: lab.rscTmp }, 65534);
    try {
      const answer = result(await nobody.ask('start', '10.213.0.55/25/hlv0::probe_ms=0'));
      assert.equal(answer.status, 'failed');
      assert.match(answer.reason ?? '', /^IPADDR_PERMISSION: cannot add 10\.213\.0\.55\/25 to hlv0: the kernel answered EPERM/);
      assert.deepEqual((await lab.addressesOf('hlv0')).filter((l) => l.includes('10.213.0.55/')), []);
    } finally {
      await nobody.close();
    }
  });
});
